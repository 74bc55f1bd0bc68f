// What the convention forms send. The enrolment's id is checked against the session and the host
// (lib/conventions/access.ts); a signature link's token is checked by lib/core/links.ts.
import { z } from 'zod';
import { personName } from '../core/text.ts';
import { MAX_TOKEN_LENGTH } from '../core/links.ts';

const enrolmentId = z
  .string({ error: 'Inscription inconnue.' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Inscription inconnue.');

export const conventionActSchema = z.object({ enrolmentId });

export const signSchema = z.object({
  token: z
    .string({ error: 'Lien de signature non valide.' })
    .max(MAX_TOKEN_LENGTH, 'Lien de signature non valide.')
    .regex(/^[A-Za-z0-9_-]+$/, 'Lien de signature non valide.'),
  signerName: personName('Saisissez vos prénom et nom, tels qu’ils figureront sur la convention.'),
  consent: z.literal(true, { error: 'Cochez la case pour confirmer que vous avez lu la convention et que vous la signez.' }),
});

/** The verification page: the code printed on every page, and/or the SHA-256 of the chosen file (computed in the browser). */
export const verifySchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .max(20, 'Le code de vérification a 12 caractères, par exemple K7QM-3XPD-9RTA.')
      .refine((v) => v === '' || /^[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}$/.test(v), 'Le code de vérification a 12 caractères, par exemple K7QM-3XPD-9RTA.')
      .transform((v) => {
        const bare = v.replace(/-/g, '');
        return bare.length === 12 ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : v;
      })
      .optional()
      .default(''),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'Le fichier n’a pas pu être lu : choisissez-le de nouveau.')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((v) => v.code !== '' || !!v.sha256, { message: 'Saisissez le code imprimé en bas de la convention, ou choisissez le fichier PDF.', path: ['code'] });
