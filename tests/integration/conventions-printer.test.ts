// The shared PDF printer (lib/conventions/printer.ts) on the system Chromium: one browser for
// many documents, a relaunch after a crash, no network, a French message without Chromium.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import puppeteer from 'puppeteer';
import { closePrinter, printerPid, printPdf } from '@/lib/conventions/printer';
import { AppError } from '@/lib/core/errors';

// Puppeteer (ESM-only) is loaded through tests/helpers/puppeteer.cjs (jest.config.mjs, node project).

const FOOTER = '<div style="font-size:9px;width:100%;text-align:center">page <span class="pageNumber"></span> / <span class="totalPages"></span></div>';
const HEADER = '<div style="font-size:9px;width:100%;text-align:center">Convention de stage d’observation</div>';
const doc = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Convention</title></head><body>${body}</body></html>`;
const SMALL = doc('<h1>Convention de stage</h1><p>Élève : Zoé Lefèvre</p>');

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

/** Processes whose parent is this one (the Jest worker) and that look like Chromium. */
function chromiumChildren(): number[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,comm='])
    .toString()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, comm]) => Number(ppid) === process.pid && /chrom/i.test(comm ?? ''))
    .map(([pid]) => Number(pid));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Counts the launches and the pages open at once (the printer closes a page before handing its slot on).
const launch = puppeteer.launch.bind(puppeteer);
const launches = jest.spyOn(puppeteer, 'launch');
let open = 0;
let maxOpen = 0;
/** Set to kill Chromium (or close the printer) just after it opened the next page: the print then fails mid-way. */
let killAfterNewPage = false;
let closeAfterNewPage = false;
launches.mockImplementation(async (...args) => {
  const browser = await launch(...args);
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...pageArgs) => {
    const page = await newPage(...pageArgs);
    if (killAfterNewPage) {
      killAfterNewPage = false;
      process.kill(browser.process()!.pid!, 'SIGKILL');
    }
    if (closeAfterNewPage) {
      closeAfterNewPage = false;
      await closePrinter();
    }
    open++;
    maxOpen = Math.max(maxOpen, open);
    const close = page.close.bind(page);
    page.close = (...closeArgs) => {
      open--;
      return close(...closeArgs);
    };
    return page;
  };
  return browser;
});

beforeEach(() => {
  launches.mockClear();
  maxOpen = 0;
});
afterAll(() => closePrinter());

describe('printPdf', () => {
  it('prints an A4 PDF with its header and footer on every page', async () => {
    const pdf = await printPdf(
      doc(`
        <h1>Convention de stage</h1>
        <p>Élève : Zoé Lefèvre, classe de 3e B</p>
        <div style="break-after: page"></div>
        <h2>Annexe pédagogique</h2>
        <p>Signatures des parties</p>`),
      { headerTemplate: HEADER, footerTemplate: FOOTER },
    );
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Élève : Zoé Lefèvre, classe de 3e B');
    expect(pages[0]).toContain('page 1 / 2');
    expect(pages[0]).toContain('Convention de stage d’observation');
    expect(pages[1]).toContain('Annexe pédagogique');
    expect(pages[1]).toContain('page 2 / 2');
  });

  it('prints without header or footer when none is given', async () => {
    const text = pdfText(await printPdf(SMALL));
    expect(text).toContain('Zoé Lefèvre');
    expect(text).not.toContain('page 1');
  });

  it('prints ten documents at once on one browser, at most four pages open at a time', async () => {
    await closePrinter();
    const pdfs = await Promise.all(Array.from({ length: 10 }, (_, i) => printPdf(doc(`<p>Document numéro ${i}</p>`))));
    const pid = printerPid();
    expect(launches).toHaveBeenCalledTimes(1);
    expect(pid).not.toBeNull();
    expect(chromiumChildren()).toEqual([pid]);
    pdfs.forEach((pdf, i) => expect(pdfText(pdf)).toContain(`Document numéro ${i}`));
    expect(maxOpen).toBeGreaterThan(1);
    expect(maxOpen).toBeLessThanOrEqual(4);
    // Warm now: the same browser again.
    await printPdf(SMALL);
    expect(printerPid()).toBe(pid);
    expect(launches).toHaveBeenCalledTimes(1);
  });

  it('follows PDF_CONCURRENCY', async () => {
    process.env.PDF_CONCURRENCY = '2';
    try {
      await Promise.all(Array.from({ length: 6 }, () => printPdf(SMALL)));
      expect(maxOpen).toBe(2);
    } finally {
      delete process.env.PDF_CONCURRENCY;
    }
  });

  it('launches a new Chromium after the last one was killed', async () => {
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await printPdf(SMALL);
    const before = printerPid()!;
    process.kill(before, 'SIGKILL');
    const text = pdfText(await printPdf(SMALL));
    expect(text).toContain('Zoé Lefèvre');
    const after = printerPid();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(launches).toHaveBeenCalledTimes(1);
    expect(alive(before)).toBe(false);
    expect(chromiumChildren()).toEqual([after]);
    warned.mockRestore();
  });

  it('prints again on a fresh Chromium when the browser dies during the print', async () => {
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await printPdf(SMALL);
    const before = printerPid()!;
    killAfterNewPage = true;
    expect(pdfText(await printPdf(doc('<p>Imprimé malgré tout</p>')))).toContain('Imprimé malgré tout');
    expect(killAfterNewPage).toBe(false);
    expect(alive(before)).toBe(false);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('Chromium stopped during a print'), expect.anything());
    expect(printerPid()).not.toBe(before);
    expect(launches).toHaveBeenCalledTimes(1);
    warned.mockRestore();
  });

  it('says in French how to install Chromium when it is missing', async () => {
    await closePrinter();
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';
    try {
      const failure = printPdf(SMALL);
      await expect(failure).rejects.toBeInstanceOf(AppError);
      await expect(failure).rejects.toThrow(
        'Impossible de produire le PDF : Chromium est introuvable (/nonexistent/chromium). Installez-le (sudo apt-get install -y chromium) ou indiquez son chemin dans PUPPETEER_EXECUTABLE_PATH.',
      );
      expect(launches).not.toHaveBeenCalled();
      expect(printerPid()).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
    // Back to the real Chromium: printing works again.
    expect(pdfText(await printPdf(SMALL))).toContain('Zoé Lefèvre');
  });

  it('gives a French message, and logs the cause, when Chromium does not start', async () => {
    await closePrinter();
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/bin/false';
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failures = await Promise.allSettled([printPdf(SMALL), printPdf(SMALL)]);
      for (const failure of failures) {
        expect(failure.status).toBe('rejected');
        const reason = (failure as PromiseRejectedResult).reason as AppError;
        expect(reason).toBeInstanceOf(AppError);
        expect(reason.message).toContain('Impossible de produire le PDF : Chromium n’a pas pu démarrer (/bin/false)');
      }
      // Both calls waited for the same launch.
      expect(launches).toHaveBeenCalledTimes(1);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  });

  it('reaches no network: external images and styles are refused, the print does not wait for them', async () => {
    const hits: string[] = [];
    const server: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const started = Date.now();
      const pdf = await printPdf(
        doc(`
          <link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
          <p>Avec une image distante</p>
          <img src="http://example.invalid/x.png" alt="logo">
          <img src="http://127.0.0.1:${port}/x.png" alt="tampon">
          <iframe src="file:///etc/hostname"></iframe>
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" alt="">`),
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(pdfText(pdf)).toContain('Avec une image distante');
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('closePrinter', () => {
  it('does not relaunch Chromium for a print it interrupted', async () => {
    await printPdf(SMALL);
    launches.mockClear();
    closeAfterNewPage = true;
    // (Puppeteer's errors come from Node's realm, not the test's: compare outcomes, not classes.)
    const outcome = await printPdf(SMALL).then(
      () => 'printed',
      () => 'failed',
    );
    expect(outcome).toBe('failed');
    expect(launches).not.toHaveBeenCalled();
    expect(printerPid()).toBeNull();
    expect(chromiumChildren()).toEqual([]);
  });

  it('closes Chromium and leaves no process behind; closing again is harmless', async () => {
    await printPdf(SMALL);
    const pid = printerPid()!;
    expect(alive(pid)).toBe(true);
    const sigterm = process.listeners('SIGTERM').length;
    await closePrinter();
    expect(printerPid()).toBeNull();
    expect(alive(pid)).toBe(false);
    expect(chromiumChildren()).toEqual([]);
    // Nor its shutdown handlers.
    expect(process.listeners('SIGTERM').length).toBe(sigterm - 1);
    await closePrinter();
    expect(printerPid()).toBeNull();
  });
});
