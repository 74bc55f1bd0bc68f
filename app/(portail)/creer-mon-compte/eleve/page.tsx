import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Alert } from '@/components/ui/Alert';
import { CodeEntry } from '@/components/classes/CodeEntry';
import { PupilSignUpForm } from '@/components/classes/PupilSignUpForm';
import { CollegeSearch } from '@/components/team/CollegeSearch';
import { signUpPupilAction } from '@/lib/classes/pupil-actions';
import { pupilSignUpCollege } from '@/lib/classes/queries';
import { searchColleges } from '@/lib/team/queries';
import { firstParam } from '@/lib/core/text';

export const metadata: Metadata = { title: 'Inscription des élèves' };
const PATH = '/creer-mon-compte/eleve';

export default async function PupilSignUpPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; uai?: string | string[] }> }) {
  await connection();
  const sp = await searchParams;
  const [q, uai] = [firstParam(sp.q, 100), firstParam(sp.uai, 20)];
  const { college, readiness } = await pupilSignUpCollege(uai);
  // No list of the collège's classes here: the class code is the only way into a class.
  return (
    <div className="stack">
      <p>
        <Link href="/creer-mon-compte">← Créer mon compte</Link>
      </p>
      <h1>Je suis élève</h1>
      {college && readiness?.open ? (
        <>
          <section className="card" aria-label="Votre collège">
            <p style={{ margin: 0 }}>
              <strong>{college.name}</strong> — {college.postalCode} {college.city}
            </p>
            <p style={{ margin: 0 }}>
              <Link href={PATH}>Changer de collège</Link>
            </p>
          </section>
          <PupilSignUpForm target={{ kind: 'establishment', uai: college.uai, establishmentName: college.name }} action={signUpPupilAction} />
        </>
      ) : (
        <>
          <section aria-labelledby="avec-code" className="card">
            <h2 id="avec-code" style={{ marginTop: 0 }}>
              J’ai le code de ma classe
            </h2>
            <CodeEntry />
          </section>
          <section aria-labelledby="sans-code">
            <h2 id="sans-code">Je n’ai pas de code</h2>
            <p>
              Cherchez votre collège : vous vous y inscrirez sans classe, et votre professeur principal vous placera dans la vôtre. Pour entrer directement dans votre
              classe, demandez-lui son code.
            </p>
            {uai && !college ? <Alert tone="error">Aucun collège ne porte le code « {uai} ».</Alert> : null}
            {college && readiness && !readiness.open ? (
              <Alert tone="error" title={`Les inscriptions au ${college.name} ne sont pas encore ouvertes`}>
                {readiness.reason}
              </Alert>
            ) : null}
            <CollegeSearch action={PATH} q={q} results={q ? await searchColleges(q, { registeredOnly: true }) : null} />
          </section>
        </>
      )}
    </div>
  );
}
