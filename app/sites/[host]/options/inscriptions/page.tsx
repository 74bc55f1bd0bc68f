import type { Metadata } from 'next';
import { OptionsFrame, ReadOnlyNotice } from '@/components/sites/OptionsNav';
import { EnrolmentOptionsForm } from '@/components/enrolments/EnrolmentOptionsForm';
import { requireSite } from '@/lib/core/guards';
import { enrolmentOptionsOf } from '@/lib/enrolments/options';
import { siteAbilities } from '@/lib/sites/guard';

export const metadata: Metadata = { title: 'Options d’inscription' };

export default async function EnrolmentOptionsPage() {
  const g = await requireSite('enrolments:view-site', { path: '/options/inscriptions', what: 'à l’équipe du lycée' });
  if (!g.ok) return g.denied;
  const { staff, college, admin } = siteAbilities(g.actor);
  const o = await enrolmentOptionsOf(g.site.id);
  const str = (n: number | null) => (n == null ? '' : String(n));
  return (
    <OptionsFrame current="inscriptions" staff={staff} college={college}>
      <h2>Inscriptions</h2>
      {admin ? (
        <EnrolmentOptionsForm
          initial={{
            fairShareSeats: str(o.fairShareSeats),
            fairShareDays: str(o.fairShareDays),
            conventionReminderDays: String(o.conventionReminderDays),
            convocationNote: o.convocationNote ?? '',
          }}
        />
      ) : (
        <>
          <ReadOnlyNotice />
          <dl>
            <dt>Partage équitable des places</dt>
            <dd>
              {o.fairShareSeats != null && o.fairShareDays != null
                ? `${o.fairShareSeats} place(s) par collège et par stage, jusqu’à ${o.fairShareDays} jour(s) avant le stage`
                : 'Aucune limite'}
            </dd>
            <dt>Relance des conventions</dt>
            <dd>{o.conventionReminderDays} jour(s) avant le stage</dd>
            <dt>À apporter</dt>
            <dd>{o.convocationNote ?? 'Le texte par défaut'}</dd>
          </dl>
        </>
      )}
    </OptionsFrame>
  );
}
