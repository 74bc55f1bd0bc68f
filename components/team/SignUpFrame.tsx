// The « Créer mon compte » pages of the team and of the pupils: the way back, the title, the
// collège chosen with CollegeSearch (`?q=` searched, `?uai=` chosen) and the way to change it.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { connection } from 'next/server';
import { firstParam } from '@/lib/core/text';

export type CollegeSearchParams = Promise<{ q?: string | string[]; uai?: string | string[] }>;

/** The search and the chosen collège from the page's URL (the page is rendered per request). */
export async function collegeSearchOf(searchParams: CollegeSearchParams) {
  await connection();
  const sp = await searchParams;
  return { q: firstParam(sp.q, 100), uai: firstParam(sp.uai, 20) };
}

export function SignUpFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="stack">
      <p>
        <Link href="/creer-mon-compte">← Créer mon compte</Link>
      </p>
      <h1>{title}</h1>
      {children}
    </div>
  );
}

type College = { uai: string; name: string; postalCode: string | null; city: string | null };

/** The chosen collège (« Votre collège ») and the link back to the search (`change`). */
export function ChosenCollege({ college, label, change, href, showUai }: { college: College; label: string; change: string; href: string; showUai?: boolean }) {
  return (
    <section className="card" aria-label={label}>
      <p style={{ margin: 0 }}>
        <strong>{college.name}</strong> — {college.postalCode} {college.city}
        {showUai ? (
          <>
            {' '}
            <span className="muted">(UAI {college.uai})</span>
          </>
        ) : null}
      </p>
      <p style={{ margin: 0 }}>
        <Link href={href}>{change}</Link>
      </p>
    </section>
  );
}
