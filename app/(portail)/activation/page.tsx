import type { Metadata } from 'next';
import Link from 'next/link';
import { ResendActivationForm } from '@/components/accounts/ResendActivationForm';

export const metadata: Metadata = { title: 'Recevoir un nouvel email d’activation' };

export default function ResendActivationPage() {
  return (
    <div className="stack">
      <h1>Vous n’avez pas reçu le message d’activation ?</h1>
      <p>
        Saisissez votre identifiant (l’adresse email avec laquelle le compte a été créé) : si ce compte attend son activation, un nouveau lien lui est envoyé. Pensez à
        regarder dans les courriers indésirables.
      </p>
      <ResendActivationForm />
      <p>
        <Link href="/connexion">Retour à la connexion</Link>
      </p>
    </div>
  );
}
