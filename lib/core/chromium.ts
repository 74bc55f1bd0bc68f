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
