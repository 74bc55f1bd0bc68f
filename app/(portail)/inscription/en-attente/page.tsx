import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Inscription transmise à l’équipe technique' };

type Props = { searchParams: Promise<{ adresse?: string | string[] }> };

export default async function ReviewPendingPage({ searchParams }: Props) {
  const raw = (await searchParams).adresse;
  const address = (Array.isArray(raw) ? raw[0] : raw)?.trim().toLowerCase().slice(0, 254);
  return (
    <div className="stack">
      <h1>Inscription transmise à l’équipe technique</h1>
      <p>L’annuaire de l’éducation ne donne aucune adresse pour votre établissement : l’équipe technique de la plateforme vérifie donc votre demande elle-même.</p>
      <p>
        Dès qu’elle l’aura validée, vous recevrez{' '}
        {address ? (
          <>
            à l’adresse <strong>{address}</strong>{' '}
          </>
        ) : null}
        un email pour activer votre compte. Si elle est refusée, le motif vous sera envoyé à la même adresse.
      </p>
      <p>
        <Link href="/">Retour à l’accueil</Link>
      </p>
    </div>
  );
}
