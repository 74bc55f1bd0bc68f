import type { Metadata } from 'next';
import { ReadOnlyNotice } from '@/components/sites/OptionsNav';
import { InviteStaffForm } from '@/components/sites/InviteStaffForm';
import { inviteSiteStaffAction } from '@/lib/sites/actions';
import { siteTeam } from '@/lib/sites/platforms';
import { SITE_ROLE_LABELS } from '@/lib/sites/schema';
import { displayName, formatDay, parisDay } from '@/lib/core/format';
import { requireSite } from '@/lib/core/guards';
import { siteAbilities } from '@/lib/sites/guard';
import { OptionsFrame } from '../access';

export const metadata: Metadata = { title: 'Options — Équipe de la plateforme' };

export default async function TeamOptionsPage() {
  const g = await requireSite('stages:publish', '/options/equipe');
  if (!g.ok) return g.denied;
  const { site } = g;
  const { staff, admin, college } = siteAbilities(g.actor);
  const team = await siteTeam(site.id);
  return (
    <OptionsFrame current="equipe" staff={staff} college={college}>
      <h2>Équipe de la plateforme</h2>
      <table>
        <caption className="visually-hidden">Membres de l’équipe</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Email</th>
            <th scope="col">Rôle</th>
          </tr>
        </thead>
        <tbody>
          {team.members.map((m) => (
            <tr key={m.id}>
              <td>{displayName(m.user, { fallback: '—' })}</td>
              <td>{m.user.email}</td>
              <td>{SITE_ROLE_LABELS[m.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {team.invitations.length ? (
        <section aria-labelledby="invitations">
          <h3 id="invitations">Invitations en attente</h3>
          <ul>
            {team.invitations.map((i) => (
              <li key={i.id}>
                {i.email} — {i.siteRole ? SITE_ROLE_LABELS[i.siteRole] : ''} (lien valable jusqu’au {formatDay(parisDay(i.expiresAt))})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {admin ? (
        <section aria-labelledby="inviter" className="card">
          <h3 id="inviter">Inviter un membre de l’équipe du lycée</h3>
          <p>La personne reçoit un lien vers cette plateforme : elle se connecte avec son compte, ou crée le sien.</p>
          <InviteStaffForm action={inviteSiteStaffAction} />
        </section>
      ) : (
        <ReadOnlyNotice />
      )}
    </OptionsFrame>
  );
}
