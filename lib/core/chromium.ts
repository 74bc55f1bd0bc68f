// The Chromium flags proven on these machines (headless, no GPU, no background network), for the
// PDF printer (lib/conventions/printer.ts) and the end-to-end harness (tests/e2e/harness.ts).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
];

/** What the person reads when Chromium stopped during their PDF (the next print launches a new one). */
export const PRINTER_UNAVAILABLE = 'Le PDF n’a pas pu être produit : l’impression s’est interrompue. Réessayez dans un instant.';

/** Puppeteer's errors when the browser or its page went away (a crash, a kill): by name, since they may come from another realm. */
const BROWSER_ERRORS = new Set(['TargetCloseError', 'ConnectionClosedError', 'ProtocolError']);
const BROWSER_MESSAGES = /Target closed|Session closed|Connection closed|Page closed|Navigating frame was detached|browser has disconnected|Browser closed/i;

/** Whether an error means Chromium stopped under a print (not the document's own failure, such as a timeout). */
export function isBrowserFailure(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: unknown; message?: unknown };
  return BROWSER_ERRORS.has(String(e.name)) || (typeof e.message === 'string' && BROWSER_MESSAGES.test(e.message));
}
