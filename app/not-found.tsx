import Link from 'next/link';

export const metadata = { title: 'Page introuvable' };

export default function NotFound() {
  return (
    <main id="contenu">
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page ni à aucune plateforme de mini-stages.</p>
      <p>Vérifiez l’adresse saisie, ou revenez à l’accueil.</p>
      <p>
        <Link href="/">Retour à l’accueil</Link>
      </p>
    </main>
  );
}
