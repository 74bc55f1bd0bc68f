import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { StageForm } from '@/components/stages/StageForm';
import { getActor } from '@/lib/core/session';
import { can } from '@/lib/core/permissions';
import { createStageAction } from '@/lib/stages/actions';
import { stageContext } from '@/lib/stages/queries';
import { formatDay, isValidDay, monthOf, parisClock } from '@/lib/stages/time';

export const metadata: Metadata = { title: 'Créer un stage' };

export default async function NewStagePage({ searchParams }: { searchParams: Promise<{ date?: string | string[] }> }) {
  const actor = await getActor();
  if (!actor.site) notFound();
  const raw = (await searchParams).date;
  const date = typeof raw === 'string' && isValidDay(raw) ? raw : '';
  if (!actor.user) redirect(`/connexion?callbackUrl=${encodeURIComponent(`/calendrier/nouveau${date ? `?date=${date}` : ''}`)}`);
  if (!can(actor, 'stages:publish')) {
    return (
      <div className="stack">
        <h1>Créer un stage</h1>
        <p>Seuls les enseignants et les administrateurs de la plateforme du lycée publient des stages.</p>
        <p><Link href="/calendrier">Retour au calendrier</Link></p>
      </div>
    );
  }
  const ctx = await stageContext(actor.site.id);
  const back = `/calendrier?mois=${monthOf(date || parisClock().day)}`;
  return (
    <div className="stack" style={{ maxWidth: '48rem' }}>
      <h1>Créer un stage{date ? ` le ${formatDay(date)}` : ''}</h1>
      {ctx.formations.filter((f) => f.active).length === 0 ? (
        <p>Aucune formation n’est enregistrée : un administrateur de la plateforme doit d’abord les ajouter dans <Link href="/options/formations">Options → Formations</Link>.</p>
      ) : (
        <StageForm
          action={createStageAction}
          initial={{
            formationId: '', stageType: 'Mini-stage', date, startTime: '09:00', endTime: '12:00', scheduleDetail: '', capacity: 8,
            teacherId: '', place: '', audience: ['3e'], description: '',
          }}
          formations={ctx.formations}
          teachers={ctx.teachers}
          stageTypes={ctx.stageTypes}
          scheduleDetails={ctx.scheduleDetails}
          zone={ctx.zone}
          cancelHref={back}
        />
      )}
    </div>
  );
}
