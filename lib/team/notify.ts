// Emails of the team area, written to the outbox inside the change's transaction.
import { createElement } from 'react';
import type { Tx } from '../core/db.ts';
import { env } from '../core/env.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import NoticeEmail from '../../emails/notice.tsx';
import StaffPendingEmail from '../../emails/staff-pending.tsx';

/** The subject of the heads' notice: fixed text and the collège's name from the annuaire, never what the applicant typed. */
const staffPendingSubject = (establishmentName: string) => `Nouvelle demande d’accès à l’équipe de ${establishmentName}`;

/**
 * Tells the collège's heads (active principal and deputies) that someone waits for approval. The
 * applicant's name appears only in the body (escaped, and lib/core/text.ts refused links in it);
 * the caller caps how many of these one collège receives (lib/team/signup.ts).
 */
export async function notifyHeadsOfPending(
  tx: Tx,
  input: { establishmentId: string; establishmentName: string; personName: string; personEmail: string; roleLabel: string; origin: string },
) {
  const heads = await tx.membership.findMany({
    where: { establishmentId: input.establishmentId, status: 'ACTIVE', role: { in: ['PRINCIPAL', 'DEPUTY'] }, user: { status: 'ACTIVE', email: { not: null } } },
    select: { user: { select: { email: true } } },
  });
  for (const h of heads) {
    await enqueueEmail(tx, {
      template: 'staff-pending',
      to: h.user.email!,
      subject: staffPendingSubject(input.establishmentName),
      element: createElement(StaffPendingEmail, {
        platformName: env.appName,
        establishmentName: input.establishmentName,
        personName: input.personName,
        personEmail: input.personEmail,
        roleLabel: input.roleLabel,
        url: `${input.origin}/etablissement/equipe`,
      }),
    });
  }
  return heads.length;
}

/** Same answer as a new sign-up (no enumeration): the mailbox's owner learns that an account exists. */
export async function notifyExistingAccount(tx: Tx, input: { to: string; origin: string; who: 'staff' | 'pupil' }) {
  await enqueueEmail(tx, {
    template: 'notice',
    to: input.to,
    subject: 'Vous avez déjà un compte',
    element: createElement(NoticeEmail, {
      platformName: env.appName,
      title: 'Vous avez déjà un compte',
      paragraphs: [
        'Bonjour,',
        "Quelqu'un (sans doute vous) a voulu créer un compte avec cette adresse, mais un compte existe déjà.",
        'Connectez-vous avec cette adresse ; si vous avez oublié votre mot de passe, utilisez « Mot de passe oublié ? ». Si votre compte n’est pas activé, demandez un nouveau message d’activation depuis la page de connexion.',
        ...(input.who === 'staff' ? ["Pour rejoindre l'équipe d'un autre établissement, demandez une invitation à son chef d'établissement."] : []),
      ],
      action: { label: 'Se connecter', url: `${input.origin}/connexion` },
      reason: "Vous recevez ce message parce que cette adresse a été saisie dans un formulaire d'inscription.",
    }),
  });
}
