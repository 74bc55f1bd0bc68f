import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { UaiForm } from '@/components/accounts/UaiForm';
import { AccessRequestForm } from '@/components/accounts/AccessRequestForm';
import { identifierHint } from '@/lib/accounts/identifier';
import { normalizeUai, uaiError } from '@/lib/reference/uai';

export const metadata: Metadata = { title: 'Identifiant oublié' };

type Props = { searchParams: Promise<{ uai?: string | string[] }> };

function AskUai({ uai, error }: { uai?: string; error?: string }) {
  return (
    <div className="stack">
      <h1>Vous ne connaissez pas votre identifiant ?</h1>
      <p>Saisissez le code UAI de votre établissement : la plateforme vous indique le début de l’identifiant de son responsable.</p>
      <UaiForm action="/identifiant-oublie" defaultValue={uai} error={error} />
    </div>
  );
}

export default async function ForgottenIdentifierPage({ searchParams }: Props) {
  const raw = (await searchParams).uai;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 20);
  if (typed === undefined) return <AskUai />;
  const error = uaiError(typed);
  if (error) return <AskUai uai={typed} error={error} />;
  const hint = await identifierHint(normalizeUai(typed));
  if (hint.status === 'UNKNOWN') {
    return <AskUai uai={typed} error="Aucun établissement ne porte ce code UAI dans l'annuaire. Vérifiez le code." />;
  }
  if (hint.status === 'NOT_REGISTERED') {
    return (
      <div className="stack">
        <h1>Récupération d’identifiant pour le {hint.establishment.label}</h1>
        <Alert tone="info" title="Cet établissement n’est pas encore inscrit">
          <p>Aucun compte n’existe encore pour cet établissement. Son chef d’établissement doit d’abord l’inscrire.</p>
        </Alert>
        <p>
          <Link href={`/inscription?uai=${hint.establishment.uai}`}>Inscrire cet établissement</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>Récupération d’identifiant pour le {hint.establishment.label}</h1>
      {hint.hints.length ? (
        <p>
          L’identifiant du chef d’établissement commence par :{' '}
          {hint.hints.map((h, i) => (
            <strong key={i}>{i ? `, ${h}` : h}</strong>
          ))}
          . Si c’est l’adresse de votre établissement, connectez-vous avec elle ou utilisez <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>.
        </p>
      ) : (
        <p>Cet établissement n’a pas de responsable actif pour le moment : votre demande sera transmise à l’équipe technique.</p>
      )}
      <h2>Demande de création de compte</h2>
      <p>
        Vous faites partie de l’équipe de l’établissement et n’avez pas de compte ? Votre demande est envoyée par email à ses responsables, qui vous inviteront. Sans
        réponse sous 24 heures, l’équipe technique ne peut prendre le relais que pour une demande faite depuis l’adresse ce.&lt;UAI&gt;@&lt;académie&gt; de
        l’établissement.
      </p>
      <AccessRequestForm uai={hint.establishment.uai} />
    </div>
  );
}
