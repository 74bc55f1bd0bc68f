import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CodeEntry } from '@/components/classes/CodeEntry';
import { normalizeJoinCode } from '@/lib/classes/join-code';
import { UNKNOWN_CODE } from '@/lib/classes/signup';
import { firstParam } from '@/lib/core/text';

export const metadata: Metadata = { title: 'Rejoindre ma classe' };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const code = firstParam((await searchParams).code, 40) || undefined;
  const normalized = code ? normalizeJoinCode(code) : null;
  if (normalized) redirect(`/rejoindre/${normalized}`);
  return (
    <div className="stack">
      <h1>Rejoindre ma classe</h1>
      <p>Saisissez le code que votre professeur principal vous a donné.</p>
      <CodeEntry code={code ?? ''} error={code ? UNKNOWN_CODE : undefined} />
      <p>
        Pas de code ? <Link href="/creer-mon-compte/eleve">Inscrivez-vous en choisissant votre collège</Link> : vous serez sans classe jusqu’à ce que votre professeur
        principal vous place dans la vôtre.
      </p>
    </div>
  );
}
