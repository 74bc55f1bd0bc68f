import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { UaiForm } from '@/components/accounts/UaiForm';
import { EstablishmentCard } from '@/components/accounts/EstablishmentCard';
import { RegistrationForm } from '@/components/accounts/RegistrationForm';
import { ResendActivationForm } from '@/components/accounts/ResendActivationForm';
import { lookupMessage, lookupRegistration } from '@/lib/accounts/registration';
import { uaiError, normalizeUai } from '@/lib/reference/uai';

export const metadata: Metadata = { title: 'Inscrire votre établissement' };

type Props = { searchParams: Promise<{ uai?: string | string[] }> };

function AskUai({ uai, error }: { uai?: string; error?: string }) {
  return (
    <div className="stack">
      <h1>Inscrivez votre établissement scolaire</h1>
      <p>
        Saisissez le code UAI (anciennement RNE) de votre collège ou de votre lycée : la plateforme retrouve son nom, son adresse et son académie dans l’annuaire de
        l’éducation.
      </p>
      <UaiForm action="/inscription" defaultValue={uai} error={error} />
    </div>
  );
}

export default async function RegistrationPage({ searchParams }: Props) {
  const raw = (await searchParams).uai;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 20);
  if (typed === undefined) return <AskUai />;
  const error = uaiError(typed);
  if (error) return <AskUai uai={typed} error={error} />;
  const lookup = await lookupRegistration(normalizeUai(typed));

  switch (lookup.status) {
    case 'UNKNOWN':
    case 'CLOSED':
    case 'NOT_ELIGIBLE':
      return <AskUai uai={typed} error={lookupMessage(lookup.status)} />;
    case 'REGISTERED':
      return (
        <div className="stack">
          <h1>Cet établissement est déjà inscrit</h1>
          <EstablishmentCard establishment={lookup.establishment} />
          <Alert tone="info" title="Cas numéro 2 : l’établissement a déjà un compte">
            <p>
              Son chef d’établissement s’est déjà inscrit : il n’est pas possible de créer un second compte de responsable. Connectez-vous avec l’identifiant de
              l’établissement (son adresse ce.…@ac-…).
            </p>
          </Alert>
          <ul>
            <li>
              <Link href="/connexion">Se connecter</Link>
            </li>
            <li>
              <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
            </li>
            <li>
              <Link href={`/identifiant-oublie?uai=${lookup.establishment.uai}`}>Vous ne connaissez pas votre identifiant ?</Link>
            </li>
          </ul>
        </div>
      );
    case 'PENDING_ACTIVATION':
      return (
        <div className="stack">
          <h1>Inscription en attente d’activation</h1>
          <EstablishmentCard establishment={lookup.establishment} />
          <p>
            L’inscription de cet établissement a déjà été demandée. Le compte sera actif dès que le lien envoyé à l’adresse <strong>{lookup.login}</strong> aura été
            suivi. Plutôt que de recommencer, demandez un nouvel email
            {lookup.resendTo ? ' :' : ' en saisissant l’adresse indiquée lors de l’inscription :'}
          </p>
          {/* The applicant's personal address is shown masked: the form then asks for it. */}
          {lookup.resendTo ? <ResendActivationForm identifier={lookup.resendTo} /> : <ResendActivationForm />}
          <p className="muted">
            Vous ne connaissez pas le mot de passe choisi lors de cette inscription ? Utilisez <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link> : le lien
            reçu à cette adresse vous permettra d’en choisir un nouveau et activera le compte.
          </p>
        </div>
      );
    case 'RECLAIM_BY_RESET':
      return (
        <div className="stack">
          <h1>Inscription par « Mot de passe oublié ? »</h1>
          <EstablishmentCard establishment={lookup.establishment} />
          <Alert tone="warning">{lookupMessage(lookup.status)}</Alert>
          <p>
            Adresse de l’établissement : <strong>{lookup.login}</strong>.
          </p>
          <ul>
            <li>
              <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
            </li>
            <li>
              <Link href="/connexion">Se connecter</Link>
            </li>
          </ul>
        </div>
      );
    case 'PENDING_REVIEW':
    case 'LOGIN_TAKEN':
      return (
        <div className="stack">
          <h1>{lookup.status === 'PENDING_REVIEW' ? 'Inscription en cours d’examen' : 'Inscription impossible par ce formulaire'}</h1>
          <EstablishmentCard establishment={lookup.establishment} />
          <Alert tone="warning">{lookupMessage(lookup.status)}</Alert>
        </div>
      );
    case 'OPEN':
      return (
        <div className="stack">
          <h1>Inscription de votre établissement</h1>
          <EstablishmentCard establishment={lookup.establishment} />
          <p>
            Ce n’est pas votre établissement ? <Link href="/inscription">Saisir un autre code UAI</Link>.
          </p>
          <h2>Votre compte de responsable</h2>
          <RegistrationForm uai={lookup.establishment.uai} login={lookup.target.kind === 'address' ? lookup.target.login : null} />
        </div>
      );
  }
}
