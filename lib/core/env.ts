// Every setting the app reads from the environment, with its default (README lists them).
export const env = {
  /**
   * APP_ENV=production: the operator declares a production deployment (demo data refused, a trusted
   * proxy required, HSTS). Never NODE_ENV, which `next start` sets by itself on any machine.
   */
  get isProduction() {
    return process.env.APP_ENV === 'production';
  },
  get rootDomain() {
    return (process.env.ROOT_DOMAIN ?? 'localhost').toLowerCase();
  },
  get appName() {
    return process.env.APP_NAME ?? 'ministage';
  },
  get mailFrom() {
    return process.env.MAIL_FROM ?? 'ministage <ne-pas-repondre@ministage.localhost>';
  },
  get smtpUrl() {
    return process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025';
  },
  /** Lifetime of an activation link (the real product: about five minutes). */
  get activationTtlMinutes() {
    return Number(process.env.ACTIVATION_TTL_MINUTES ?? 5);
  },
  get passwordResetTtlMinutes() {
    return Number(process.env.PASSWORD_RESET_TTL_MINUTES ?? 60);
  },
  get invitationTtlDays() {
    return Number(process.env.INVITATION_TTL_DAYS ?? 7);
  },
  /** How long a process trusts its copy of the platforms before checking it (lib/core/site-cache.ts). */
  get siteCacheMs() {
    const n = Number(process.env.SITE_CACHE_MS ?? 1000);
    return Number.isFinite(n) && n >= 0 ? n : 1000;
  },
  /** How long an answer that is the same for whoever asks is shared by a process (lib/core/shared-reads.ts); 0: never. */
  get sharedReadMs() {
    const n = Number(process.env.SHARED_READ_MS ?? 1000);
    return Number.isFinite(n) && n >= 0 ? n : 1000;
  },
  get outboxIntervalMs() {
    return Number(process.env.OUTBOX_INTERVAL_MS ?? 1000);
  },
  /** Sent emails (they hold personal data) are deleted after this many days. */
  get outboxRetentionDays() {
    return Number(process.env.OUTBOX_RETENTION_DAYS ?? 30);
  },
  get chromiumPath() {
    return process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
  },
  /** How many PDFs the shared Chromium prints at once (null: the printer's default). */
  get pdfConcurrency(): number | null {
    const n = Number(process.env.PDF_CONCURRENCY);
    return Number.isInteger(n) && n >= 1 ? n : null;
  },
  /** The platform's sealing certificate (PKCS#12) and its passphrase; unset: a demonstration one in `sealDir`. */
  get sealP12Path(): string | null {
    return process.env.SEAL_P12_PATH || null;
  },
  get sealP12Passphrase() {
    return process.env.SEAL_P12_PASSPHRASE ?? '';
  },
  get sealDir(): string | null {
    return process.env.SEAL_DIR || null;
  },
};
