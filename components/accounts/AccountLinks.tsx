// The links to the account help pages, in the words every sign-in page uses.
import Link from 'next/link';

const HELP = {
  signIn: { href: '/connexion', text: 'Retour à la connexion' },
  forgotPassword: { href: '/mot-de-passe-oublie', text: 'Mot de passe oublié ?' },
  activation: { href: '/activation', text: 'Vous n’avez pas reçu le message d’activation ?' },
  forgotLogin: { href: '/identifiant-oublie', text: 'Vous ne connaissez pas votre identifiant ?' },
} as const;

/** A list of help links, in the order given. */
export function AccountLinks({ links, className }: { links: readonly (keyof typeof HELP)[]; className?: string }) {
  return (
    <ul className={className}>
      {links.map((k) => (
        <li key={k}>
          <Link href={HELP[k].href}>{HELP[k].text}</Link>
        </li>
      ))}
    </ul>
  );
}
