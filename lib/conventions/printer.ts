// The server's one PDF printer: a shared headless Chromium (system Chromium, env.chromiumPath)
// that turns a self-contained HTML document into an A4 PDF. Launched on first use, relaunched
// after a crash, closed on shutdown; at most PDF_CONCURRENCY (4) pages at a time, the other calls
// wait their turn (first come, first served). Pages run without JavaScript and reach nothing but
// data: URLs, so a document's text (names typed by people) cannot fetch or read anything.
import { existsSync } from 'node:fs';
import type { Browser, HTTPRequest } from 'puppeteer';
import { env } from '../core/env.ts';
import { CHROMIUM_ARGS } from '../core/chromium.ts';
import { AppError, errorSummary } from '../core/errors.ts';

export type PrintOptions = {
  /** Puppeteer headerTemplate / footerTemplate HTML (may use <span class="pageNumber"></span> / <span class="totalPages"></span>). */
  headerTemplate?: string;
  footerTemplate?: string;
};

const PAGE_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 5_000;
const DEFAULT_CONCURRENCY = 4;

// The state lives on globalThis: Next (dev reloads, instrumentation.ts and the route handlers'
// bundles) may hold several copies of this module in one process, which must share one browser.
type PrinterState = {
  browser: Browser | null;
  /** The launch in progress: concurrent first calls all wait for this one. */
  launching: Promise<Browser> | null;
  /** Browsers being closed on purpose (their 'disconnected' is not a crash). */
  closing: WeakSet<Browser>;
  /** printPdf calls in progress, waiting ones included (the browser keeps the process alive only then). */
  busy: number;
  /** Pages open now, and the calls waiting for one (FIFO). */
  active: number;
  waiting: Array<() => void>;
  hooks: Hooks | null;
  /** A signal is ending the process: no new browser (it would outlive the process). */
  stopping: boolean;
};
type Hooks = { beforeExit: () => void; signals: Array<[NodeJS.Signals, () => void]> };
const state: PrinterState = ((globalThis as { __ministagePrinter?: PrinterState }).__ministagePrinter ??= {
  browser: null,
  launching: null,
  closing: new WeakSet(),
  busy: 0,
  active: 0,
  waiting: [],
  hooks: null,
  stopping: false,
});

/** Prints a full HTML document to an A4 PDF (printBackground, margins leaving room for header/footer ~18mm top/bottom, 14mm sides, preferCSSPageSize false). */
export async function printPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  state.busy++;
  holdProcess();
  try {
    await acquire();
    try {
      return await printWithRetry(html, options);
    } finally {
      release();
    }
  } finally {
    state.busy--;
    holdProcess();
  }
}

/** Closes the shared browser (on shutdown, in tests). Safe to call when none is open. */
export async function closePrinter(): Promise<void> {
  const browser = state.browser ?? (state.launching ? await state.launching.catch(() => null) : null);
  if (browser) {
    if (state.browser === browser) state.browser = null;
    await shutDown(browser);
  }
  unhookShutdown();
}

/** For the bench and tests: the pid of the Chromium process, or null when none is running. */
export function printerPid(): number | null {
  const browser = state.browser;
  return browser?.connected ? (browser.process()?.pid ?? null) : null;
}

async function printWithRetry(html: string, options: PrintOptions): Promise<Buffer> {
  const browser = await getBrowser();
  try {
    return await printOn(browser, html, options);
  } catch (err) {
    // The document's own failure (a timeout, say), or the browser closed on purpose: no second
    // try. A browser that died mid-way (crash, killed): once more on a fresh one.
    if (browser.connected || state.closing.has(browser)) throw err;
    console.warn('[printer] Chromium stopped during a print; printing again on a new one.', errorSummary(err));
    return printOn(await getBrowser(), html, options);
  }
}

async function printOn(browser: Browser, html: string, { headerTemplate, footerTemplate }: PrintOptions): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      const allowed = url.startsWith('data:') || url === 'about:blank';
      // The page may be closing already: nothing to settle then.
      (allowed ? request.continue() : request.abort('blockedbyclient')).catch(() => undefined);
    });
    await page.setContent(html, { waitUntil: 'load' });
    const bytes = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: false,
      displayHeaderFooter: Boolean(headerTemplate || footerTemplate),
      headerTemplate: headerTemplate ?? '<span></span>',
      footerTemplate: footerTemplate ?? '<span></span>',
      margin: { top: '18mm', bottom: '18mm', left: '14mm', right: '14mm' },
      timeout: PAGE_TIMEOUT_MS,
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await page.close().catch(() => undefined);
  }
}

// ── The shared browser ────────────────────────────────────────────────────────────────────────

function getBrowser(): Promise<Browser> {
  const current = state.browser;
  if (current?.connected) return Promise.resolve(current);
  if (current) {
    // Disconnected, its 'disconnected' not handled yet: it is gone for good.
    state.browser = null;
    killGroup(current);
  }
  if (state.stopping) return Promise.reject(new AppError('UNEXPECTED', 'Impossible de produire le PDF : le serveur s’arrête. Réessayez dans un instant.'));
  state.launching ??= launch().finally(() => {
    state.launching = null;
  });
  return state.launching;
}

async function launch(): Promise<Browser> {
  const executablePath = env.chromiumPath;
  if (!existsSync(executablePath)) {
    throw new AppError(
      'UNEXPECTED',
      `Impossible de produire le PDF : Chromium est introuvable (${executablePath}). Installez-le (sudo apt-get install -y chromium) ou indiquez son chemin dans PUPPETEER_EXECUTABLE_PATH.`,
    );
  }
  let browser: Browser;
  try {
    // Loaded on first use: a module that imports the printer without printing does not load Puppeteer.
    const { default: puppeteer } = await import('puppeteer');
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      // The DevTools protocol over the child's pipes: no debugging port on the machine.
      pipe: true,
      // Our own handlers close it and let the signal end the process (Puppeteer's SIGTERM
      // handler would keep the process running).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 30_000,
      protocolTimeout: 60_000,
    });
  } catch (err) {
    console.error('[printer] Chromium did not start', executablePath, errorSummary(err));
    throw new AppError(
      'UNEXPECTED',
      `Impossible de produire le PDF : Chromium n’a pas pu démarrer (${executablePath}). Réessayez dans un instant ; si le problème persiste, contactez l’équipe technique.`,
    );
  }
  browser.once('disconnected', () => {
    if (state.browser === browser) state.browser = null;
    if (state.closing.has(browser)) return;
    console.warn('[printer] Chromium stopped; the next print launches a new one.');
    killGroup(browser);
  });
  state.browser = browser;
  hookShutdown();
  holdProcess();
  return browser;
}

async function shutDown(browser: Browser): Promise<void> {
  state.closing.add(browser);
  // Closing must finish (and Puppeteer remove its temporary profile) even when nothing else
  // keeps the process alive.
  setHold(browser, true);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([browser.close(), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)))]);
  } catch (err) {
    console.error('[printer] closing Chromium', errorSummary(err));
  } finally {
    clearTimeout(timer);
    killGroup(browser);
  }
}

/** Chromium runs in a process group of its own (Puppeteer's detached spawn): end what is left of it. */
function killGroup(browser: Browser): void {
  const child = browser.process();
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
    // The main process has exited; its helpers (zygote, renderers) may linger in its group.
    if (child?.pid) trySignal(-child.pid);
    return;
  }
  trySignal(-child.pid);
  trySignal(child.pid);
}

function trySignal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

// An idle browser must not keep a script (seed, bench) from ending: its process and pipes are
// unreferenced between prints, so 'beforeExit' fires and closes it. A server stays up anyway.
function holdProcess(): void {
  if (state.browser) setHold(state.browser, state.busy > 0);
}

function setHold(browser: Browser, hold: boolean): void {
  const child = browser.process();
  if (!child) return;
  for (const handle of [child, ...child.stdio]) {
    const h = handle as { ref?: () => void; unref?: () => void } | null;
    if (hold) h?.ref?.();
    else h?.unref?.();
  }
}

// While a browser is open (and only then: a test file's hooks must not outlive it), one set of
// handlers closes it when the process ends. A signal then ends the process as it would have.
function hookShutdown(): void {
  if (state.hooks) return;
  const hooks: Hooks = {
    beforeExit: () => {
      if (state.browser || state.launching) void closePrinter();
    },
    signals: [],
  };
  process.on('beforeExit', hooks.beforeExit);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = () => {
      state.stopping = true;
      void closePrinter().finally(() => {
        // Nobody else handles this signal: let it end the process (its default action).
        if (process.listeners(signal).length === 0) process.kill(process.pid, signal);
      });
    };
    process.once(signal, handler);
    hooks.signals.push([signal, handler]);
  }
  state.hooks = hooks;
}

function unhookShutdown(): void {
  const hooks = state.hooks;
  if (!hooks || state.browser || state.launching) return;
  process.off('beforeExit', hooks.beforeExit);
  for (const [signal, handler] of hooks.signals) process.off(signal, handler);
  state.hooks = null;
}

// ── At most N pages at a time ─────────────────────────────────────────────────────────────────

function concurrency(): number {
  return env.pdfConcurrency ?? DEFAULT_CONCURRENCY;
}

/** Beyond this many documents waiting, a print is refused at once (the server is not queued without end). */
const MAX_WAITING = 200;

function acquire(): Promise<void> {
  if (state.active < concurrency()) {
    state.active++;
    return Promise.resolve();
  }
  if (state.waiting.length >= MAX_WAITING) return Promise.reject(new AppError('UNEXPECTED', 'Beaucoup de PDF sont en cours d’impression : réessayez dans une minute.'));
  return new Promise((resolve) => state.waiting.push(resolve));
}

/** Hands the slot to the first caller waiting (the count stays), or frees it. */
function release(): void {
  const next = state.waiting.shift();
  if (next) next();
  else state.active--;
}
