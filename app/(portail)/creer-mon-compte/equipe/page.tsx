import type { Metadata } from 'next';
import { Alert } from '@/components/ui/Alert';
import { CollegeSearch } from '@/components/team/CollegeSearch';
import { ChosenCollege, collegeSearchOf, SignUpFrame, type CollegeSearchParams } from '@/components/team/SignUpFrame';
import { StaffSignUpForm } from '@/components/team/StaffSignUpForm';
import { signUpStaffAction } from '@/lib/team/actions';
import { TEAM_CLOSED_MESSAGE } from '@/lib/team/establishments';
import { searchColleges, staffSignUpCollege } from '@/lib/team/queries';

export const metadata: Metadata = { title: 'Inscription de l’équipe pédagogique' };
const PATH = '/creer-mon-compte/equipe';

export default async function StaffSignUpPage({ searchParams }: { searchParams: CollegeSearchParams }) {
  const { q, uai } = await collegeSearchOf(searchParams);
  const { college, open } = await staffSignUpCollege(uai);
  return (
    <SignUpFrame title="Je suis membre de l’équipe pédagogique">
      {college && open ? (
        <>
          <ChosenCollege college={college} label="Votre établissement" change="Changer d’établissement" href={PATH} showUai />
          <StaffSignUpForm uai={college.uai} establishmentName={college.name} action={signUpStaffAction} />
        </>
      ) : (
        <>
          {uai && !college ? <Alert tone="error">Aucun collège ne porte le code UAI « {uai} ». Recherchez-le ci-dessous.</Alert> : null}
          {college && !open ? (
            <Alert tone="error" title={`${college.name} n’est pas encore inscrit`}>
              {TEAM_CLOSED_MESSAGE}
            </Alert>
          ) : null}
          <p>Commencez par trouver votre établissement.</p>
          <CollegeSearch action={PATH} q={q} results={q ? await searchColleges(q) : null} />
        </>
      )}
    </SignUpFrame>
  );
}
