import type { Metadata } from 'next';
import { OptionsFrame, ReadOnlyNotice } from '@/components/sites/OptionsNav';
import Link from 'next/link';
import { SiteOptionsForm } from '@/components/sites/SiteOptionsForm';
import { siteOptions } from '@/lib/sites/queries';
import { env } from '@/lib/core/env';
import { requireSite, requireUser } from '@/lib/core/guards';
import { siteAbilities } from '@/lib/sites/guard';
import s from '@/components/sites/sites.module.css';

export const metadata: Metadata = { title: 'Options' };

export default async function OptionsPage() {
  const { site } = await requireSite();
  const { actor } = await requireUser('/options');
  const { staff, admin, college } = siteAbilities(actor);
  const options = staff ? await siteOptions(site.id) : null;
  return (
    <OptionsFrame current="general" staff={staff} college={college}>
      <h2>Options générales</h2>
      {options && admin ? (
        <SiteOptionsForm
          initial={{ name: options.name, logoUrl: options.logoUrl ?? '', conventionReturn: options.conventionReturn ?? '', conventionText: options.conventionText ?? '' }}
        />
      ) : null}
      {options && !admin ? (
        <>
          <ReadOnlyNotice />
          <dl className={s.details}>
            <dt>Nom</dt>
            <dd>{options.name}</dd>
            <dt>Retour des conventions</dt>
            <dd>{options.conventionReturn ?? '—'}</dd>
            <dt>Texte des conventions</dt>
            <dd>{options.conventionText ?? '—'}</dd>
          </dl>
        </>
      ) : null}
      {options ? (
        <p className="muted">
          Adresses de la plateforme : {[`${options.slug}.${env.rootDomain}`, ...options.domains.map((d) => d.host)].join(', ')} · lycée {options.establishment.name} (
          {options.establishment.uai}).
        </p>
      ) : null}
      {college ? (
        <section aria-labelledby="calendrier-information">
          <h3 id="calendrier-information">Calendrier, Information</h3>
          <ul>
            <li>
              <Link href="/options/etablissement">Informations de l’Établissement</Link> : les informations de votre collège imprimées sur les conventions.
            </li>
            <li>
              <a href="/api/ics">Abonnement au calendrier des stages (ICS)</a>, pour l’ajouter à votre agenda.
            </li>
          </ul>
        </section>
      ) : null}
      {!staff && !college ? <p>Votre compte n’est rattaché ni à ce lycée ni à un collège : il n’y a pas d’option à régler ici.</p> : null}
    </OptionsFrame>
  );
}
