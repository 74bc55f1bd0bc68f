import type { Metadata } from 'next';
import Link from 'next/link';
import { PlatformForm } from '@/components/sites/PlatformForm';
import { env } from '@/lib/core/env';
import { requireOperator } from '@/lib/core/guards';
import { createPlatformAction } from '@/lib/sites/operator-actions';

export const metadata: Metadata = { title: 'Créer une plateforme' };

export default async function NewPlatformPage() {
  const g = await requireOperator('/operateur/plateformes/nouvelle');
  if (!g.ok) return g.denied;
  return (
    <div className="stack">
      <p>
        <Link href="/operateur/plateformes">‹ Plateformes des lycées</Link>
      </p>
      <h1>Créer une plateforme</h1>
      <p>Une plateforme par lycée. Une fois créée, invitez son équipe : l’administrateur (chef d’établissement ou DDFPT), puis les enseignants.</p>
      <PlatformForm action={createPlatformAction} rootDomain={env.rootDomain} />
    </div>
  );
}
