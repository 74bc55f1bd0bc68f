import type { Metadata } from 'next';
import Link from 'next/link';
import { StageForm } from '@/components/stages/StageForm';
import { formatDay, parisClock } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { createStageAction } from '@/lib/stages/actions';
import { stageContext } from '@/lib/stages/queries';
import { isValidDay, monthOf } from '@/lib/stages/time';
import { newStageForm } from '@/lib/stages/schema';

export const metadata: Metadata = { title: 'Créer un stage' };

export default async function NewStagePage({ searchParams }: { searchParams: Promise<{ date?: string | string[] }> }) {
  const raw = (await searchParams).date;
  const date = typeof raw === 'string' && isValidDay(raw) ? raw : '';
  const g = await requireSite('stages:publish', {
    path: `/calendrier/nouveau${date ? `?date=${date}` : ''}`,
    back: { href: '/calendrier', label: 'Retour au calendrier' },
  });
  if (!g.ok) return g.denied;
  const ctx = await stageContext(g.site.id);
  const back = `/calendrier?mois=${monthOf(date || parisClock().day)}`;
  return (
    <div className="stack" style={{ maxWidth: '48rem' }}>
      <h1>Créer un stage{date ? ` le ${formatDay(date)}` : ''}</h1>
      {ctx.formations.filter((f) => f.active).length === 0 ? (
        <p>
          Aucune formation n’est enregistrée : un administrateur de la plateforme doit d’abord les ajouter dans{' '}
          <Link href="/options/formations">Options → Formations</Link>.
        </p>
      ) : (
        <StageForm
          action={createStageAction}
          initial={newStageForm(date)}
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
