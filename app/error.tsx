'use client';
// A page that failed on the server (PostgreSQL stopped or restarting, above all): a French page, never a
// stack trace. Replaces the layouts below the root one (their header may be what failed), so it is a
// page of its own. The platforms' pages have theirs inside the platform's layout (app/sites/[host]/error.tsx).
import { ServiceUnavailable } from '@/components/ui/ServiceUnavailable';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="contenu">
      <ServiceUnavailable error={error} retry={retry} />
    </main>
  );
}
