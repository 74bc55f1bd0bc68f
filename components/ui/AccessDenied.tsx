import Link from 'next/link';

export type AccessDeniedProps = {
  /** Who the page is for, completing « Cette page est réservée … »: « à l’équipe technique de la plateforme ». */
  what: string;
  /** What to do about it; by default: ask the chef d’établissement or the technical team. */
  hint?: string;
  /** Where to go instead; by default the home page of the current host. */
  back?: { href: string; label: string };
};

const ACCESS_DENIED_TITLE = 'Accès réservé';
const ACCESS_DENIED_HINT = 'Si vous pensez devoir y accéder, adressez-vous à votre chef d’établissement ou à l’équipe technique.';

/** The one « accès refusé » screen: someone signed in who may not see this page (lib/core/guards renders it). */
export function AccessDenied({ what, hint = ACCESS_DENIED_HINT, back = { href: '/', label: 'Retour à l’accueil' } }: AccessDeniedProps) {
  return (
    <div className="stack">
      <h1>{ACCESS_DENIED_TITLE}</h1>
      <p>{`Cette page est réservée ${what}. ${hint}`}</p>
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </div>
  );
}
