import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CancelForm } from '@/components/stages/CancelForm';
import { Alert } from '@/components/ui/Alert';
import { formatDay, formatHours } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { cancelStageAction } from '@/lib/stages/actions';
import { getStage } from '@/lib/stages/queries';

export const metadata: Metadata = { title: 'Annuler le stage' };

export default async function CancelStagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/stages/${encodeURIComponent(id)}`;
  const g = await requireSite('stages:publish', { path: `${back}/annuler`, back: { href: back, label: 'Retour au stage' } });
  if (!g.ok) return g.denied;
  const stage = await getStage(g.site.id, id);
  if (!stage) notFound();
  return (
    <div className="stack">
      <p>
        <Link href={`/stages/${stage.id}`}>‹ Retour au stage</Link>
      </p>
      <h1>Annuler le stage</h1>
      <p>
        « {stage.formation.type} {stage.formation.name} », {formatDay(stage.date)}, {formatHours(stage.startMinutes, stage.endMinutes)}.
      </p>
      {stage.status === 'CANCELLED' ? (
        <Alert tone="info">Ce stage est déjà annulé.</Alert>
      ) : (
        <CancelForm action={cancelStageAction} stageId={stage.id} enrolled={stage.enrolledCount} />
      )}
    </div>
  );
}
