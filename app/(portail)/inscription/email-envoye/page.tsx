import type { Metadata } from 'next';
import Link from 'next/link';
import { ResendActivationForm } from '@/components/accounts/ResendActivationForm';
import { env } from '@/lib/core/env';
import { formatDuration } from '@/lib/core/format';

export const metadata: Metadata = { title: 'Consultez votre messagerie' };

type Props = { searchParams: Promise<{ adresse?: string | string[] }> };

export default async function ActivationSentPage({ searchParams }: Props) {
  const raw = (await searchParams).adresse;
  const address = (Array.isArray(raw) ? raw[0] : raw)?.trim().toLowerCase().slice(0, 254);
  return (
    <div className="stack">
      <h1>Consultez votre messagerie</h1>
      <p>
        Votre compte est créé. Pour l’activer, suivez le lien envoyé à l’adresse {address ? <strong>{address}</strong> : 'de votre établissement'}. Ce lien est valable{' '}
        {formatDuration(env.activationTtlMinutes)} : ouvrez-le sans attendre.
      </p>
      <p>Le message n’est pas arrivé, ou le lien a expiré ? Demandez-en un nouveau :</p>
      {address ? <ResendActivationForm identifier={address} /> : <ResendActivationForm />}
      <p>
        <Link href="/connexion">Aller à la page de connexion</Link>
      </p>
    </div>
  );
}
