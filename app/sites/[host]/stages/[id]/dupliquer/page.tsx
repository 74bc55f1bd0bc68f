import type { Metadata } from 'next';
import Link from 'next/link';
import { DuplicateForm } from '@/components/stages/DuplicateForm';
import { duplicateStageAction } from '@/lib/stages/actions';
import { formatDay, formatHours, weekday } from '@/lib/stages/time';
import { loadForStaff, StaffOnly } from '../staff-page';

export const metadata: Metadata = { title: 'Dupliquer le stage' };

export default async function DuplicateStagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { stage, allowed } = await loadForStaff(id, `/stages/${id}/dupliquer`);
  if (!allowed) return <StaffOnly title="Dupliquer le stage" stageId={stage.id} />;
  return (
    <div className="stack" style={{ maxWidth: '48rem' }}>
      <p><Link href={`/stages/${stage.id}`}>‹ Retour au stage</Link></p>
      <h1>Dupliquer le stage</h1>
      <p>
        « {stage.formation.type} {stage.formation.name} », {formatDay(stage.date)}, {formatHours(stage.startMinutes, stage.endMinutes)}, {stage.capacity} places.
        Les copies reprennent tout (formation, horaires, enseignant, capacité, lieu, public, description), sans les inscriptions ; chaque date est vérifiée
        (ni dimanche, ni jour férié, ni date passée).
      </p>
      <DuplicateForm action={duplicateStageAction} stageId={stage.id} weekday={weekday(stage.date)} />
    </div>
  );
}
