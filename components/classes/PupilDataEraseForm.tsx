'use client';
// « Effacer les données de l'élève »: the head of the collège types the pupil's name to confirm (the
// server checks it again), then the pupil is anonymised as the yearly rollover does and the page goes
// back to the pupils' list.
import { Field } from '@/components/ui/Field';
import { ActionForm } from '@/components/ui/ActionForm';
import { useActionForm } from '@/components/ui/useActionForm';
import { erasePupilAction } from '@/lib/pupils/actions';
import { erasePupilSchema } from '@/lib/pupils/schema';

export function PupilDataEraseForm({ pupilId, name }: { pupilId: string; name: string }) {
  const cycle = useActionForm({
    schema: erasePupilSchema,
    defaultValues: { pupilId, confirmation: '' },
    action: erasePupilAction,
    success: 'Les données de l’élève sont effacées.',
    redirectTo: () => '/etablissement/eleves',
    refresh: false,
  });
  return (
    <ActionForm cycle={cycle} label="Effacer les données de l’élève" className="stack" submit="Effacer définitivement les données">
      <Field label={`Pour confirmer, tapez le nom de l’élève : « ${name} »`} autoComplete="off" spellCheck={false} {...cycle.field('confirmation')} />
    </ActionForm>
  );
}
