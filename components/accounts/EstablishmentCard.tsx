import type { EstablishmentCard as Card } from '@/lib/accounts/registration';
import s from './accounts.module.css';

/** What the directory says about the establishment (name, address, commune, académie). */
export function EstablishmentCard({ establishment: e }: { establishment: Card }) {
  return (
    <section className={s.establishment} aria-labelledby="etablissement-nom">
      <h2 id="etablissement-nom">{e.name}</h2>
      <dl>
        <dt>Code UAI</dt>
        <dd>{e.uai}</dd>
        {e.address.length ? (
          <>
            <dt>Adresse</dt>
            <dd>{e.address.join(', ')}</dd>
          </>
        ) : null}
        <dt>Commune</dt>
        <dd>{[e.postalCode, e.city].filter(Boolean).join(' ') || '—'}</dd>
        <dt>Académie</dt>
        <dd>{e.academyName ?? '—'}</dd>
        <dt>Secteur</dt>
        <dd>{e.isPublic ? 'Public' : 'Privé'}</dd>
      </dl>
    </section>
  );
}
