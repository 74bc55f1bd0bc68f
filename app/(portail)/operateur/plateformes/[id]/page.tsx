import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PlatformForm } from '@/components/sites/PlatformForm';
import { InviteStaffForm } from '@/components/sites/InviteStaffForm';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import { displayName } from '@/lib/core/format';
import { requireOperator } from '@/lib/core/guards';
import { siteOrigin } from '@/lib/core/origin';
import { requestOrigin } from '@/lib/core/session';
import { operatorInviteAction, updatePlatformAction } from '@/lib/sites/operator-actions';
import { getPlatform, siteTeam } from '@/lib/sites/platforms';
import { SITE_ROLE_LABELS } from '@/lib/sites/schema';

export const metadata: Metadata = { title: 'Plateforme d’un lycée' };

export default async function PlatformPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const g = await requireOperator(`/operateur/plateformes/${id}`);
  if (!g.ok) return g.denied;
  const site = await getPlatform(id).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const [team, origin] = await Promise.all([siteTeam(site.id), requestOrigin()]);
  const address = siteOrigin({ slug: site.slug }, origin, env.rootDomain);
  return (
    <div className="stack">
      <p>
        <Link href="/operateur/plateformes">‹ Plateformes des lycées</Link>
      </p>
      <h1>{site.name}</h1>
      <p>
        {site.establishment.name} ({site.establishment.uai}, {site.establishment.city}) · <a href={address}>{address}</a>
      </p>
      <section aria-labelledby="equipe" className="card">
        <h2 id="equipe">Équipe</h2>
        {team.members.length === 0 ? (
          <p className="muted">Personne pour l’instant : invitez l’administrateur du lycée.</p>
        ) : (
          <ul>
            {team.members.map((m) => (
              <li key={m.id}>
                {displayName(m.user, { fallback: '' })} — {m.user.email} — {SITE_ROLE_LABELS[m.role]}
              </li>
            ))}
          </ul>
        )}
        {team.invitations.length ? (
          <p className="muted">Invitations en attente : {team.invitations.map((i) => `${i.email} (${i.siteRole ? SITE_ROLE_LABELS[i.siteRole] : ''})`).join(', ')}</p>
        ) : null}
        <h3>Inviter un membre de l’équipe du lycée</h3>
        <InviteStaffForm action={operatorInviteAction} siteId={site.id} />
      </section>
      <section aria-labelledby="reglages">
        <h2 id="reglages">Nom, adresses et logo</h2>
        <PlatformForm
          action={updatePlatformAction}
          siteId={site.id}
          rootDomain={env.rootDomain}
          initial={{
            uai: site.establishment.uai,
            name: site.name,
            slug: site.slug,
            domains: site.domains.map((d) => d.host).join('\n'),
            logoUrl: site.logoUrl ?? '',
            active: site.active,
          }}
        />
      </section>
    </div>
  );
}
