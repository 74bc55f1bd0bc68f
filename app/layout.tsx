import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import * as clock from '@/lib/core/clock';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ministage — mini-stages et inscriptions des collèges', template: '%s — ministage' },
  description: 'Les collèges inscrivent leurs élèves aux mini-stages proposés par les lycées.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      {clock.isClockShifted() ? (
        <head>
          <meta name={clock.CLOCK_META} content={clock.now().toISOString()} />
        </head>
      ) : null}
      <body>
        <a className="skip-link" href="#contenu">Aller au contenu</a>
        {children}
      </body>
    </html>
  );
}
