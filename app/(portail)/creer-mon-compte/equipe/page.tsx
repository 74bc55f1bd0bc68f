import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Alert } from '@/components/ui/Alert';
import { CollegeSearch } from '@/components/team/CollegeSearch';
import { StaffSignUpForm } from '@/components/team/StaffSignUpForm';
import { signUpStaffAction } from '@/lib/team/actions';
import { TEAM_CLOSED_MESSAGE } from '@/lib/team/establishments';
import { searchColleges, staffSignUpCollege } from '@/lib/team/queries';
import { firstParam } from '@/lib/core/text';

export const metadata: Metadata = { title: 'Inscription de l’équipe pédagogique' };
const PATH = '/creer-mon-compte/equipe';

type Search = { searchParams: Promise<{ q?: string | string[]; uai?: string | string[] }> };

export default async function StaffSignUpPage({ searchParams }: Search) {
  await connection();
  const sp = await searchParams;
  const [q, uai] = [firstParam(sp.q, 100), firstParam(sp.uai, 20)];
  const { college, open } = await staffSignUpCollege(uai);
  return (
    <div className="stack">
      <p>
        <Link href="/creer-mon-compte">← Créer mon compte</Link>
      </p>
      <h1>Je suis membre de l’équipe pédagogique</h1>
      {college && open ? (
        <>
          <section className="card" aria-label="Votre établissement">
            <p style={{ margin: 0 }}>
              <strong>{college.name}</strong> — {college.postalCode} {college.city} <span className="muted">(UAI {college.uai})</span>
            </p>
            <p style={{ margin: 0 }}>
              <Link href={PATH}>Changer d’établissement</Link>
            </p>
          </section>
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
    </div>
  );
}
