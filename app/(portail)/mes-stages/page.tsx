import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AccessDenied } from '@/components/ui/AccessDenied';
import { PupilStageCard } from '@/components/home/PupilStageCard';
import s from '@/components/home/home.module.css';
import { requireUser } from '@/lib/core/guards';
import { portalOrigin } from '@/lib/core/session';
import { pupilStages } from '@/lib/enrolments/home';

export const metadata: Metadata = { title: 'Mes stages' };

/** « Mes stages »: the signed-in pupil's own enrolments, each with its convocation and its convention. */
export default async function MyStagesPage() {
  await connection();
  const { actor } = await requireUser('/mes-stages');
  if (!actor.pupil) return <AccessDenied what="aux élèves" />;
  const { upcoming, past } = await pupilStages(actor.pupil.id, { portal: await portalOrigin() });
  return (
    <div className="stack">
      <h1>Mes stages</h1>
      <p>
        Vos inscriptions aux mini-stages, avec ce que dit la convocation. C’est votre collège qui vous inscrit ; vos responsables légaux reçoivent aussi la convocation
        par email.
      </p>
      {actor.pupil.classRoomId ? null : (
        <p>
          Vous n’avez pas encore de classe : rejoignez-la depuis <Link href="/ma-classe">Ma classe</Link> avec le code donné par votre professeur principal.
        </p>
      )}
      <section aria-labelledby="a-venir">
        <h2 id="a-venir">À venir</h2>
        {upcoming.length ? (
          <ul className={s.list}>
            {upcoming.map((st) => (
              <PupilStageCard key={st.id} stage={st} />
            ))}
          </ul>
        ) : (
          <p>
            Aucun mini-stage à venir. Pour être inscrit(e) à un stage, parlez-en à votre professeur principal. Les stages proposés par les lycées :{' '}
            <Link href="/recherche">Rechercher un mini-stage</Link>.
          </p>
        )}
      </section>
      {past.length ? (
        <section aria-labelledby="passes">
          <h2 id="passes">Stages passés</h2>
          <ul className={s.list}>
            {past.map((st) => (
              <PupilStageCard key={st.id} stage={st} past />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
