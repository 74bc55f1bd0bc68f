import Link from 'next/link';

/** The page of someone signed in who may not see this one. */
export function AccessDenied({ what }: { what: string }) {
  return (
    <div className="stack">
      <h1>Accès réservé</h1>
      <p>Cette page est réservée {what}. Si vous pensez devoir y accéder, adressez-vous à votre chef d’établissement ou à l’équipe technique.</p>
      <p><Link href="/">Retour à l’accueil</Link></p>
    </div>
  );
}
