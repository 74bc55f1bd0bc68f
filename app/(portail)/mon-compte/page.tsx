import type { Metadata } from 'next';
import { ListSection } from '@/components/ui/ListSection';
import { ChangePasswordForm } from '@/components/accounts/ChangePasswordForm';
import { accountSummary } from '@/lib/accounts/queries';
import { requireUser } from '@/lib/core/guards';
import { STAFF_ROLE_LABELS } from '@/lib/core/permissions';
import s from '@/components/accounts/accounts.module.css';

export const metadata: Metadata = { title: 'Mon compte' };

const MEMBERSHIP_STATUS = { ACTIVE: 'actif', PENDING: 'en attente de validation par le chef d’établissement', REVOKED: 'retiré' } as const;

export default async function MyAccountPage() {
  const { user } = await requireUser('/mon-compte');
  const account = await accountSummary(user.id);
  return (
    <div className="stack">
      <h1>Mon compte</h1>
      <section aria-labelledby="identite" className={`card ${s.section}`}>
        <h2 id="identite">Identité</h2>
        <dl className={s.details}>
          <dt>Nom</dt>
          <dd>{account.displayName}</dd>
          <dt>Identifiant de connexion</dt>
          <dd>{account.login}</dd>
          {account.email && account.email !== account.login ? (
            <>
              <dt>Adresse email</dt>
              <dd>{account.email}</dd>
            </>
          ) : null}
          {account.isOperator ? (
            <>
              <dt>Rôle</dt>
              <dd>Équipe technique de la plateforme</dd>
            </>
          ) : null}
        </dl>
      </section>
      <ListSection id="etablissements" title="Mes établissements" items={account.memberships}>
        {(m) => (
          <li key={m.id}>
            {m.establishment} ({m.uai}) — {STAFF_ROLE_LABELS[m.role]}
            {m.function && m.function !== STAFF_ROLE_LABELS[m.role] ? `, ${m.function}` : ''} : {MEMBERSHIP_STATUS[m.status]}
          </li>
        )}
      </ListSection>
      <section aria-labelledby="mot-de-passe">
        <h2 id="mot-de-passe">Modifier mon mot de passe</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
