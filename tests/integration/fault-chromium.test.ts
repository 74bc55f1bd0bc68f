// Chromium killed (SIGKILL) while it prints a convention, through the PDF route a person downloads
// from (app/api/conventions/[enrolmentId]): killed once, the printer prints again on a new Chromium
// and the person gets the PDF; killed again under that second try, the person gets a 503 and a French
// « réessayez dans un instant » (no stack), and the next request launches a new Chromium and gets the PDF.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { daysFromNow, enrol, fillConventionInfo, makeCollege, makeSite, makeStage, NOW, type TestSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { PRINTER_UNAVAILABLE } from '@/lib/core/chromium';
import { closePrinter, printerPid } from '@/lib/conventions/printer';
import { GET } from '@/app/api/conventions/[enrolmentId]/route';

// Puppeteer (ESM-only) is loaded through tests/helpers/puppeteer.cjs (jest.config.mjs, node project).

const db = useTestDb();
let demo: TestSite;
let enrolmentId: string;
let work: string;

/** How many of the next prints see their Chromium killed while Page.printToPDF runs. */
let killDuringPrint = 0;
const killed: number[] = [];
const launch = puppeteer.launch.bind(puppeteer);
const launches = jest.spyOn(puppeteer, 'launch');
launches.mockImplementation(async (...args) => {
  const browser = await launch(...args);
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...pageArgs) => {
    const page = await newPage(...pageArgs);
    const pdf = page.pdf.bind(page);
    page.pdf = (...pdfArgs) => {
      const printing = pdf(...pdfArgs);
      if (killDuringPrint > 0) {
        killDuringPrint--;
        // The print is sent to Chromium: it dies under it.
        const pid = browser.process()!.pid!;
        killed.push(pid);
        process.kill(pid, 'SIGKILL');
      }
      return printing;
    };
    return page;
  };
  return browser;
});

/** Running (a killed process not reaped yet, a zombie, counts as gone). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

const download = () => GET(new Request(`http://${demo.host}/api/conventions/${enrolmentId}`), { params: Promise.resolve({ enrolmentId }) });

async function expectPdf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8')).toContain('Zoé Lefèvre');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fault-chromium-'));
  process.env.SEAL_DIR = join(work, 'seal');
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  const college = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 1 });
  await fillConventionInfo(p, demo, college);
  const pupil = college.pupils[0];
  await p.pupil.update({ where: { id: pupil.id }, data: { firstName: 'Zoé', lastName: 'Lefèvre', birthDate: new Date(Date.UTC(2012, 2, 14)) } });
  await p.guardian.updateMany({ where: { pupilId: pupil.id }, data: { firstName: 'Sophie', lastName: 'Lefèvre', phone: '06 12 34 56 78' } });
  const stage = await makeStage(p, demo, { date: daysFromNow(9), teacher: 'durand' });
  await p.stage.update({ where: { id: stage.id }, data: { place: 'Atelier B12' } });
  await enrol(p, stage.id, college, [0]);
  enrolmentId = (await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } })).id;
  actAs(demo.admin.id, demo.host);
}, 60_000);

afterAll(async () => {
  await closePrinter();
  setNow(null);
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  launches.mockClear();
  killed.length = 0;
});

describe('Chromium killed during a convention PDF', () => {
  it('prints it anyway: once on a new Chromium, the same request', async () => {
    await expectPdf(await download()); // warm: one Chromium
    const before = printerPid()!;
    launches.mockClear();
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    killDuringPrint = 1;
    await expectPdf(await download());
    warned.mockRestore();
    expect(killed).toEqual([before]);
    expect(alive(before)).toBe(false);
    expect(launches).toHaveBeenCalledTimes(1);
    expect(printerPid()).not.toBe(before);
  });

  it('killed again under the second try: a 503 in French, and the next request launches a new Chromium', async () => {
    await expectPdf(await download());
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    killDuringPrint = 2;
    const failed = await download();
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(failed.headers.get('retry-after')).toBe('5');
    expect(await failed.text()).toBe(PRINTER_UNAVAILABLE);
    expect(PRINTER_UNAVAILABLE).toBe('Le PDF n’a pas pu être produit : l’impression s’est interrompue. Réessayez dans un instant.');
    expect(killed).toHaveLength(2);
    expect(killed.every((pid) => !alive(pid))).toBe(true);
    // Said in the log as a Chromium stop, not as an unexpected error (and never with the document's text).
    expect(errors).not.toHaveBeenCalled();
    expect(warned.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringMatching(/^\[conventions\] Chromium s’est arrêté pendant l’impression \((TargetCloseError|ProtocolError|ConnectionClosedError)/),
    );
    warned.mockRestore();
    errors.mockRestore();

    launches.mockClear();
    await expectPdf(await download());
    expect(launches).toHaveBeenCalledTimes(1);
    expect(killed).not.toContain(printerPid());
  });
});
