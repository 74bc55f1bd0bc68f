// What end-to-end tests use: the shared app's URLs, a headless Chromium, the captured emails,
// screenshots, and extra app instances with other settings.
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnApp } from './spawn-app.mjs';
import { CHROMIUM_ARGS } from '../../lib/core/chromium.ts';
import { readMailbox, type CapturedEmail } from './mail-capture.ts';

export type { CapturedEmail } from './mail-capture.ts';

const port = () => {
  const p = process.env.E2E_PORT;
  if (!p) throw new Error('E2E_PORT missing: run end-to-end tests with `npm run test:e2e`.');
  return Number(p);
};

/** http://<host>:<port><path> of the shared app. `demo.localhost` is the demo platform. */
export function appUrl(path = '/', host = 'localhost', p = port()): string {
  return `http://${host}:${p}${path}`;
}

/** A journey file's Chromium, opened before its tests and closed after: `const browser = useBrowser();` then `browser()`. */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await openBrowser(extraArgs);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not open yet');
    return browser;
  };
}

/** A headless Chromium; `extraArgs` e.g. `--host-resolver-rules=MAP lycee.test 127.0.0.1` (a custom domain). */
export async function openBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium introuvable (${executablePath}). Installez-le : sudo apt-get install -y chromium, ou indiquez PUPPETEER_EXECUTABLE_PATH.`);
  }
  return puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], defaultViewport: { width: 1280, height: 900 } });
}

export type Mailbox = {
  all(): CapturedEmail[];
  /** Waits for an email matching `to` / `subject` that was not in `exclude` (default: none). */
  waitFor(match: { to?: string; subject?: RegExp | string; text?: string; exclude?: CapturedEmail[] }, timeoutMs?: number): Promise<CapturedEmail>;
};

function mailboxAt(dir: string): Mailbox {
  return {
    all: () => readMailbox(dir),
    async waitFor(match, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      const seen = new Set((match.exclude ?? []).map((m) => m.file));
      for (;;) {
        const found = readMailbox(dir).find(
          (m) =>
            !seen.has(m.file) &&
            (!match.to || m.to.toLowerCase().includes(match.to.toLowerCase())) &&
            (!match.subject || (typeof match.subject === 'string' ? m.subject.includes(match.subject) : match.subject.test(m.subject))) &&
            (!match.text || m.text.includes(match.text)),
        );
        if (found) return found;
        if (Date.now() > deadline) {
          const got = readMailbox(dir)
            .map((m) => `${m.to} « ${m.subject} »`)
            .join('\n  ');
          throw new Error(`No email to ${match.to ?? '*'} matching ${String(match.subject ?? '*')} within ${timeoutMs} ms. Received:\n  ${got || '(none)'}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}

/** The shared app's captured emails. */
export const mailbox: Mailbox = {
  all: () => mailboxAt(process.env.E2E_MAIL_DIR ?? '').all(),
  waitFor: (m, t) => mailboxAt(process.env.E2E_MAIL_DIR ?? '').waitFor(m, t),
};

/** Saves tests/e2e/__screenshots__/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const dir = join(process.cwd(), 'tests/e2e/__screenshots__');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Another instance of the built app with its own database, mailbox and settings. */
export async function startApp(options: { env?: Record<string, string>; seed?: boolean; stages?: number } = {}) {
  const distDir = process.env.E2E_DIST_DIR ?? '.next';
  const app = await spawnApp({ distDir, ...options, reuseBuild: true });
  return {
    port: app.port,
    url: (path = '/', host = 'localhost') => appUrl(path, host, app.port),
    mailbox: mailboxAt(app.mailDir),
    logFile: app.logFile,
    stop: app.stop,
  };
}

/** Signs in through next-auth's HTTP endpoints (no UI): for tests whose subject is elsewhere. */
export async function signInViaApi(page: Page, input: { login: string; password: string; host?: string; port?: number }) {
  await page.goto(appUrl('/api/auth/csrf', input.host ?? 'localhost', input.port ?? port()));
  const ok = await page.evaluate(
    async ({ login, password }) => {
      const { csrfToken } = await (await fetch('/api/auth/csrf')).json();
      const body = new URLSearchParams({ email: login, password, csrfToken, json: 'true' });
      const r = await fetch('/api/auth/callback/credentials', { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      const s = await (await fetch('/api/auth/session')).json();
      return r.ok && !!s && Object.keys(s).length > 0;
    },
    { login: input.login, password: input.password },
  );
  if (!ok) throw new Error(`Sign-in failed for ${input.login}`);
}

export const DEMO_PASSWORD = 'Ministage-Demo-2026';
