// « Données de l'élève »: the erasure form's rules, shared by the browser (zodResolver) and the action.
import { z } from 'zod';

export const erasePupilSchema = z.object({
  pupilId: z.string({ error: 'Élève manquant.' }).min(1, 'Élève manquant.').max(40),
  confirmation: z
    .string({ error: 'Tapez le nom et le prénom de l’élève pour confirmer.' })
    .trim()
    .min(1, 'Tapez le nom et le prénom de l’élève pour confirmer.')
    .max(200, 'Tapez seulement le nom et le prénom de l’élève.'),
});
