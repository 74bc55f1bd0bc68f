import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/DataTable';
import { ButtonLink } from '@/components/ui/Button';
import { env } from '@/lib/core/env';
import { requireOperator } from '@/lib/core/guards';
import { siteOrigin } from '@/lib/core/origin';
import { requestOrigin } from '@/lib/core/session';
import { listPlatforms } from '@/lib/sites/platforms';

export const metadata: Metadata = { title: 'Plateformes des lycées' };

export default async function PlatformsPage() {
  const g = await requireOperator('/operateur/plateformes');
  if (!g.ok) return g.denied;
  const [platforms, origin] = await Promise.all([listPlatforms(), requestOrigin()]);
  return (
    <div className="stack">
      <p>
        <Link href="/operateur">‹ Espace de l’équipe technique</Link>
      </p>
      <h1>Plateformes des lycées</h1>
      <p>
        <ButtonLink href="/operateur/plateformes/nouvelle">Créer une plateforme</ButtonLink>
      </p>
      {platforms.length === 0 ? (
        <p className="muted">Aucune plateforme pour l’instant.</p>
      ) : (
        <DataTable columns={['Plateforme', 'Lycée', 'Adresses', 'Équipe', 'Stages']}>
          {platforms.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/operateur/plateformes/${p.id}`}>{p.name}</Link>
                {p.active ? '' : ' (fermée)'}
              </td>
              <td>
                {p.establishment.name}
                <br />
                <span className="muted">
                  {p.establishment.uai} · {p.establishment.city}
                </span>
              </td>
              <td>
                <a href={siteOrigin({ slug: p.slug }, origin, env.rootDomain)}>{p.slug}</a>
                {p.domains.map((d) => (
                  <span key={d.host}>
                    <br />
                    {d.host}
                  </span>
                ))}
              </td>
              <td>{p._count.memberships}</td>
              <td>{p._count.stages}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
