import type { Metadata } from 'next';
import { Alert } from '@/components/ui/Alert';
import { CodeEntry } from '@/components/classes/CodeEntry';
import { PupilSignUpForm } from '@/components/classes/PupilSignUpForm';
import { CollegeSearch } from '@/components/team/CollegeSearch';
import { ChosenCollege, collegeSearchOf, SignUpFrame, type CollegeSearchParams } from '@/components/team/SignUpFrame';
import { signUpPupilAction } from '@/lib/classes/pupil-actions';
import { pupilSignUpCollege } from '@/lib/classes/queries';
import { searchColleges } from '@/lib/team/queries';

export const metadata: Metadata = { title: 'Inscription des élèves' };
const PATH = '/creer-mon-compte/eleve';

export default async function PupilSignUpPage({ searchParams }: { searchParams: CollegeSearchParams }) {
  const { q, uai } = await collegeSearchOf(searchParams);
  const { college, readiness } = await pupilSignUpCollege(uai);
  // No list of the collège's classes here: the class code is the only way into a class.
  return (
    <SignUpFrame title="Je suis élève">
      {college && readiness?.open ? (
        <>
          <ChosenCollege college={college} label="Votre collège" change="Changer de collège" href={PATH} />
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
    </SignUpFrame>
  );
}
