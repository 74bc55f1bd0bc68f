// Find one's collège by UAI, name or commune (a GET form: works without JavaScript, keyboard first).
import Link from 'next/link';
import type { CollegeSummary } from '@/lib/team/queries';
import { Button } from '@/components/ui/Button';
import s from '@/components/classes/classes.module.css';
import ui from '@/components/ui/ui.module.css';

type Props = { action: string; q: string; results: CollegeSummary[] | null; label?: string; showUnregistered?: boolean };

export function CollegeSearch({ action, q, results, label = 'Votre collège', showUnregistered = true }: Props) {
  return (
    <div className="stack">
      <form method="get" action={action} role="search" aria-label="Rechercher un collège">
        <div className={s.inlineForm}>
          <div className={ui.field}>
            <label htmlFor="q" className={ui.label}>
              {label}
            </label>
            <span className={ui.hint} id="q-hint">
              Code UAI (par exemple 0352274G), ou nom et commune (par exemple « Dolto Pacé »)
            </span>
            <input id="q" name="q" defaultValue={q} aria-describedby="q-hint" autoComplete="off" className={`${ui.input} ${s.searchInput}`} />
          </div>
          <Button type="submit" variant="secondary">
            Rechercher
          </Button>
        </div>
      </form>
      {results === null ? null : results.length === 0 ? (
        <p role="status">Aucun collège ne correspond à « {q} ». Vérifiez l’orthographe, ou cherchez par code UAI.</p>
      ) : (
        <ul className={s.results} aria-label="Collèges trouvés">
          {results
            .filter((r) => showUnregistered || r.registered)
            .map((r) => (
              <li key={r.id}>
                <span>
                  <strong>{r.name}</strong> — {r.postalCode} {r.city} <span className="muted">(UAI {r.uai})</span>
                  {!r.registered ? <span className="muted"> · pas encore inscrit</span> : null}
                </span>
                <Link href={`${action}?uai=${r.uai}`}>
                  Choisir<span className="visually-hidden"> {r.name}</span>
                </Link>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
