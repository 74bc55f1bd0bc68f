import type { Metadata } from 'next';
import Link from 'next/link';
import { CancelForm } from '@/components/stages/CancelForm';
import { Alert } from '@/components/ui/Alert';
import { cancelStageAction } from '@/lib/stages/actions';
import { formatDay, formatHours } from '@/lib/stages/time';
import { loadForStaff, StaffOnly } from '../staff-page';

export const metadata: Metadata = { title: 'Annuler le stage' };

export default async function CancelStagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { stage, allowed } = await loadForStaff(id, `/stages/${id}/annuler`);
  if (!allowed) return <StaffOnly title="Annuler le stage" stageId={stage.id} />;
  return (
    <div className="stack">
      <p><Link href={`/stages/${stage.id}`}>‹ Retour au stage</Link></p>
      <h1>Annuler le stage</h1>
      <p>« {stage.formation.type} {stage.formation.name} », {formatDay(stage.date)}, {formatHours(stage.startMinutes, stage.endMinutes)}.</p>
      {stage.status === 'CANCELLED' ? <Alert tone="info">Ce stage est déjà annulé.</Alert> : <CancelForm action={cancelStageAction} stageId={stage.id} enrolled={stage.enrolledCount} />}
    </div>
  );
}
