import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/DataTable';
import { ListSection } from '@/components/ui/ListSection';
import { OptionsFrame, ReadOnlyNotice } from '@/components/sites/OptionsNav';
import { InviteStaffForm } from '@/components/sites/InviteStaffForm';
import { inviteSiteStaffAction } from '@/lib/sites/actions';
import { siteTeam } from '@/lib/sites/platforms';
import { SITE_ROLE_LABELS } from '@/lib/sites/schema';
import { displayName, formatDay, parisDay } from '@/lib/core/format';
import { requireOptionsStaff } from '../access';

export const metadata: Metadata = { title: 'Options — Équipe de la plateforme' };

export default async function TeamOptionsPage() {
  const g = await requireOptionsStaff('equipe');
  if (!g.ok) return g.denied;
  const team = await siteTeam(g.site.id);
  return (
    <OptionsFrame {...g.frame}>
      <h2>Équipe de la plateforme</h2>
      <DataTable columns={['Nom', 'Email', 'Rôle']} caption="Membres de l’équipe">
        {team.members.map((m) => (
          <tr key={m.id}>
            <td>{displayName(m.user, { fallback: '—' })}</td>
            <td>{m.user.email}</td>
            <td>{SITE_ROLE_LABELS[m.role]}</td>
          </tr>
        ))}
      </DataTable>
      <ListSection id="invitations" title="Invitations en attente" level={3} items={team.invitations}>
        {(i) => (
          <li key={i.id}>
            {i.email} — {i.siteRole ? SITE_ROLE_LABELS[i.siteRole] : ''} (lien valable jusqu’au {formatDay(parisDay(i.expiresAt))})
          </li>
        )}
      </ListSection>
      {g.admin ? (
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
