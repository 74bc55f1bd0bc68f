import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StageForm } from '@/components/stages/StageForm';
import { Alert } from '@/components/ui/Alert';
import { formatDay, parisClock } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { updateStageAction } from '@/lib/stages/actions';
import { getStage, stageContext } from '@/lib/stages/queries';
import type { AUDIENCES } from '@/lib/stages/schema';
import { minutesToTime } from '@/lib/stages/time';

export const metadata: Metadata = { title: 'Modifier le stage' };

export default async function EditStagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/stages/${encodeURIComponent(id)}`;
  const g = await requireSite('stages:publish', { path: `${back}/modifier`, back: { href: back, label: 'Retour au stage' } });
  if (!g.ok) return g.denied;
  const stage = await getStage(g.site.id, id);
  if (!stage) notFound();
  if (stage.status === 'CANCELLED' || stage.date < parisClock().day) {
    return (
      <div className="stack">
        <h1>Modifier le stage</h1>
        <Alert tone="info">
          {stage.status === 'CANCELLED' ? 'Ce stage est annulé : il ne peut plus être modifié.' : 'Ce stage a déjà eu lieu : il ne peut plus être modifié.'}
        </Alert>
        <p>
          <Link href={`/stages/${stage.id}`}>Retour au stage</Link>
        </p>
      </div>
    );
  }
  const ctx = await stageContext(g.site.id);
  return (
    <div className="stack" style={{ maxWidth: '48rem' }}>
      <h1>Modifier le stage du {formatDay(stage.date)}</h1>
      {stage.enrolledCount ? (
        <Alert tone="info">
          {stage.enrolledCount} élève{stage.enrolledCount > 1 ? 's sont inscrits' : ' est inscrit'} : la capacité ne peut pas descendre en dessous. Si vous changez la
          date ou les horaires, prévenez les collèges concernés.
        </Alert>
      ) : null}
      <StageForm
        action={updateStageAction}
        stageId={stage.id}
        initial={{
          formationId: stage.formationId,
          stageType: stage.stageType,
          date: stage.date,
          startTime: minutesToTime(stage.startMinutes),
          endTime: minutesToTime(stage.endMinutes),
          scheduleDetail: stage.scheduleDetail ?? '',
          capacity: stage.capacity,
          teacherId: stage.teacherId ?? '',
          place: stage.place ?? '',
          audience: stage.audience as (typeof AUDIENCES)[number][],
          description: stage.description ?? '',
        }}
        formations={ctx.formations}
        teachers={ctx.teachers}
        stageTypes={ctx.stageTypes}
        scheduleDetails={ctx.scheduleDetails}
        zone={ctx.zone}
        cancelHref={`/stages/${stage.id}`}
      />
    </div>
  );
}
