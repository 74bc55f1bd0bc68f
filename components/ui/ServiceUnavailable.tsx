'use client';
// The one « service momentanément indisponible » screen of the error pages (app/error.tsx,
// app/global-error.tsx, app/sites/[host]/error.tsx): a page that failed on the server — PostgreSQL
// stopped or restarting, above all — says so in French, never with a stack trace.
import Link from 'next/link';
import { DATABASE_UNAVAILABLE } from '@/lib/core/errors';
import { Button } from './Button';

const SERVICE_UNAVAILABLE_TITLE = 'Service momentanément indisponible';

/** What happened, « Réessayer » (Next asks the server again), the way home, and the incident's reference for the technical team. */
export function ServiceUnavailable({ error, retry }: { error: unknown; retry: () => void }) {
  // Next gives the browser a digest (a hash matching the server's log), never the message.
  const digest = error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div className="stack">
      <title>{`${SERVICE_UNAVAILABLE_TITLE} — ministage`}</title>
      <h1>{SERVICE_UNAVAILABLE_TITLE}</h1>
      <p>{DATABASE_UNAVAILABLE}</p>
      <p>{`Si le problème continue, prévenez l’équipe technique${digest ? ` en indiquant la référence ${digest}` : ''}.`}</p>
      <p>
        <Button type="button" onClick={() => retry()}>
          Réessayer
        </Button>
      </p>
      <p>
        <Link href="/">Retour à l’accueil</Link>
      </p>
    </div>
  );
}
