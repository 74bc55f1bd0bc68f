import type { Metadata } from 'next';
import { requireSite } from '@/lib/core/guards';
import { VerifyForm } from '@/components/conventions/VerifyForm';

export const metadata: Metadata = { title: 'Vérifier une convention' };

export default async function VerificationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { site } = await requireSite();
  const code = (await searchParams).code?.slice(0, 20) ?? '';
  return (
    <div className="stack">
      <h1>Vérifier une convention</h1>
      <p>
        Les conventions signées sur la plateforme {site.name} sont scellées électroniquement. Saisissez le code imprimé en bas de chaque page et choisissez le fichier PDF
        : la page dit s’il s’agit bien de l’exemplaire signé, et qui l’a signé quand.
      </p>
      <VerifyForm code={code} />
    </div>
  );
}
