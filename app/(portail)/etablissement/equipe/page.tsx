import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionButton } from '@/components/ui/ActionButton';
import { DataTable } from '@/components/ui/DataTable';
import { ListSection } from '@/components/ui/ListSection';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { InviteForm } from '@/components/team/InviteForm';
import s from '@/components/classes/classes.module.css';
import { formatDate, parisDay } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import { can } from '@/lib/core/permissions';
import {
  approveMembershipAction,
  inviteStaffAction,
  refuseMembershipAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '@/lib/team/actions';
import { teamOverview } from '@/lib/team/queries';
import { roleLabel } from '@/lib/team/schema';

export const metadata: Metadata = { title: 'Équipe pédagogique' };

/** « 23 novembre 2026 »: the day (in Paris) of a sign-up or an invitation. */
const day = (instant: Date) => formatDate(parisDay(instant));

export default async function TeamPage() {
  await connection();
  const g = await requireMember('team:view', '/etablissement/equipe');
  if (!g.ok) return g.denied;
  const { actor, member } = g;
  const team = await teamOverview(member.establishmentId);
  const canInvite = can(actor, 'team:invite');
  const canApprove = can(actor, 'team:approve');
  return (
    <div className="stack">
      <EstablishmentTabs actor={actor} member={member} current="team" />
      <h1>Équipe pédagogique</h1>
      {canInvite ? (
        <section aria-labelledby="inviter" className="card">
          <h2 id="inviter" style={{ marginTop: 0 }}>
            Inviter un membre de l’équipe
          </h2>
          <p className="muted">
            La personne reçoit un lien (valable une fois) vers un formulaire d’inscription déjà rempli ; son compte est actif dès qu’elle l’a complété.
          </p>
          <InviteForm action={inviteStaffAction} />
        </section>
      ) : null}
      {canApprove ? (
        <ListSection
          id="attente"
          title={`Inscriptions à approuver (${team.pending.length})`}
          items={team.pending}
          empty="Personne n’attend votre approbation."
          listClassName={s.results}
        >
          {(p) => (
            <li key={p.id} data-pending={p.email ?? ''}>
              <div>
                <strong>{p.name}</strong> — {roleLabel(p.role)}
                <br />
                <span className="muted">
                  {p.email} · inscrit(e) le {day(p.since)}
                </span>{' '}
                {p.emailConfirmed ? <span className={s.tag}>Adresse confirmée</span> : <span className={`${s.tag} ${s.tagWarn}`}>Adresse pas encore confirmée</span>}
              </div>
              <div className={s.actions}>
                <ActionButton
                  action={approveMembershipAction}
                  input={{ membershipId: p.id }}
                  label={
                    <>
                      Approuver<span className="visually-hidden"> {p.name}</span>
                    </>
                  }
                  variant="primary"
                />
                <ActionButton
                  action={refuseMembershipAction}
                  input={{ membershipId: p.id }}
                  label={
                    <>
                      Refuser<span className="visually-hidden"> {p.name}</span>
                    </>
                  }
                  confirm={`Refuser l’inscription de ${p.name} ? Cette personne n’aura pas accès à votre établissement.`}
                  confirmLabel="Refuser l’inscription"
                />
              </div>
            </li>
          )}
        </ListSection>
      ) : null}
      <section aria-labelledby="membres">
        <h2 id="membres">Membres de l’équipe ({team.members.length})</h2>
        <DataTable columns={['Nom', 'Fonction', 'Adresse email', 'Professeur principal de', canApprove && 'Actions']}>
          {team.members.map((m) => (
            <tr key={m.id} data-member={m.email ?? ''}>
              <td>
                {m.name}
                {m.userId === actor.user?.id ? <span className="muted"> (vous)</span> : null}
              </td>
              <td>{roleLabel(m.role)}</td>
              <td>{m.email}</td>
              <td>
                {m.classes.length ? (
                  m.classes.map((c, i) => (
                    <span key={c.id}>
                      {i ? ', ' : ''}
                      <Link href={`/etablissement/classes/${c.id}`}>{c.name}</Link>
                    </span>
                  ))
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {canApprove ? (
                <td>
                  {m.role !== 'PRINCIPAL' && m.userId !== actor.user?.id ? (
                    <ActionButton
                      action={removeMemberAction}
                      input={{ membershipId: m.id }}
                      label={
                        <>
                          Retirer<span className="visually-hidden"> {m.name}</span>
                        </>
                      }
                      confirm={`Retirer ${m.name} de l’équipe ? Son compte est conservé, mais il (elle) n’aura plus accès à votre établissement.`}
                      confirmLabel="Retirer de l’équipe"
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      </section>
      {canInvite ? (
        <ListSection
          id="invitations"
          title={`Invitations en cours (${team.invitations.length})`}
          items={team.invitations}
          empty="Aucune invitation en attente."
          listClassName={s.results}
        >
          {(i) => (
            <li key={i.id} data-invitation={i.email}>
              <div>
                <strong>{i.email}</strong> — {roleLabel(i.role ?? '')}
                {i.fromAccessRequest ? ' (demande de création de compte)' : ''}
                <br />
                <span className="muted">Envoyée le {day(i.createdAt)} · </span>
                {i.expired ? (
                  <span className={`${s.tag} ${s.tagWarn}`}>Expirée le {day(i.expiresAt)}</span>
                ) : (
                  <span className="muted">valable jusqu’au {day(i.expiresAt)}</span>
                )}
              </div>
              <div className={s.actions}>
                <ActionButton
                  action={resendInvitationAction}
                  input={{ invitationId: i.id }}
                  label={
                    <>
                      Renvoyer<span className="visually-hidden"> l’invitation à {i.email}</span>
                    </>
                  }
                  success="Invitation renvoyée : l’ancien lien ne fonctionne plus."
                />
                <ActionButton
                  action={revokeInvitationAction}
                  input={{ invitationId: i.id }}
                  label={
                    <>
                      Annuler<span className="visually-hidden"> l’invitation à {i.email}</span>
                    </>
                  }
                  confirm={`Annuler l’invitation envoyée à ${i.email} ? Le lien ne fonctionnera plus.`}
                  confirmLabel="Annuler l’invitation"
                />
              </div>
            </li>
          )}
        </ListSection>
      ) : null}
    </div>
  );
}
