'use client';
// The last resort: the root layout itself failed. It replaces the whole document (its own <html>), in French.
import { ServiceUnavailable } from '@/components/ui/ServiceUnavailable';
import './globals.css';

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main id="contenu">
          <ServiceUnavailable error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
