import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import * as clock from '@/lib/core/clock';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ministage — mini-stages et inscriptions des collèges', template: '%s — ministage' },
  description: 'Les collèges inscrivent leurs élèves aux mini-stages proposés par les lycées.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, the not-found page included: Next puts the request's CSP
  // nonce (proxy.ts) on its scripts only then; a page prerendered at build time would carry none,
  // and its scripts would be refused. No inline script here (a <meta> only), so no nonce to read.
  await connection();
  return (
    <html lang="fr">
      {clock.isClockShifted() ? (
        <head>
          <meta name={clock.CLOCK_META} content={clock.now().toISOString()} />
        </head>
      ) : null}
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        {children}
      </body>
    </html>
  );
}
