import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DuplicateForm } from '@/components/stages/DuplicateForm';
import { formatDay, formatHours } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { duplicateStageAction } from '@/lib/stages/actions';
import { getStage } from '@/lib/stages/queries';
import { weekday } from '@/lib/stages/time';

export const metadata: Metadata = { title: 'Dupliquer le stage' };

export default async function DuplicateStagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/stages/${encodeURIComponent(id)}`;
  const g = await requireSite('stages:publish', { path: `${back}/dupliquer`, back: { href: back, label: 'Retour au stage' } });
  if (!g.ok) return g.denied;
  const stage = await getStage(g.site.id, id);
  if (!stage) notFound();
  return (
    <div className="stack" style={{ maxWidth: '48rem' }}>
      <p>
        <Link href={`/stages/${stage.id}`}>‹ Retour au stage</Link>
      </p>
      <h1>Dupliquer le stage</h1>
      <p>
        « {stage.formation.type} {stage.formation.name} », {formatDay(stage.date)}, {formatHours(stage.startMinutes, stage.endMinutes)}, {stage.capacity} places. Les
        copies reprennent tout (formation, horaires, enseignant, capacité, lieu, public, description), sans les inscriptions ; chaque date est vérifiée (ni dimanche, ni
        jour férié, ni date passée).
      </p>
      <DuplicateForm action={duplicateStageAction} stageId={stage.id} weekday={weekday(stage.date)} />
    </div>
  );
}
