// The platform's seal (lib/conventions/seal.ts, certificate.ts): a PAdES signature (ETSI.CAdES.detached)
// that poppler's pdfsig accepts, on a pdf-lib document and on a Chromium-printed one; our own check of
// it; one changed byte or an appended one; the demonstration certificate generated once per machine;
// production refusing to run without a configured certificate; a configured one and its passphrase.
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { closePrinter, printPdf } from '@/lib/conventions/printer';
import { resetSealCertificateCache, sealCertificate } from '@/lib/conventions/certificate';
import { sealPdf, verifySeal } from '@/lib/conventions/seal';

// Puppeteer (ESM-only) is loaded through tests/helpers/puppeteer.cjs (jest.config.mjs, node project).

const run = promisify(execFile);
const SIGNED_AT = new Date('2027-03-10T09:30:00Z');
const INFO = { reason: 'Convention de stage signée par toutes les parties', name: 'ministage', location: 'Rennes', signedAt: SIGNED_AT };
const NOT_SEALED = 'Ce fichier ne porte pas de signature électronique de la plateforme.';
const ENV_KEYS = ['SEAL_DIR', 'SEAL_P12_PATH', 'SEAL_P12_PASSPHRASE', 'APP_ENV'] as const;

let dir: string;
let saved: Record<string, string | undefined>;
let plain: Buffer;
let sealed: Buffer;

/** pdfsig's report; it exits non-zero for an invalid signature, so the output is read either way. */
async function pdfsig(pdf: Buffer): Promise<string> {
  const file = path.join(dir, `check-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  try {
    const { stdout } = await run('pdfsig', ['-nocert', file]);
    return stdout;
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  } finally {
    await rm(file, { force: true });
  }
}

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Convention de stage d’observation — élève de troisième', { x: 50, y: 780, size: 14, font });
  doc.addPage([595, 842]).drawText('Signatures : le chef d’établissement, la famille, à Rennes, reçu ç è', { x: 50, y: 780, size: 12, font });
  return Buffer.from(await doc.save());
}

/** The signature dictionary's text entries, decoded by pdf-lib as a reader would. */
async function signatureTexts(pdf: Buffer): Promise<Record<string, string>> {
  const doc = await PDFDocument.load(pdf);
  const dict = doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .find((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Sig'));
  const text = (key: string) => dict?.lookupMaybe(PDFName.of(key), PDFString)?.decodeText() ?? '';
  return { reason: text('Reason'), name: text('Name'), location: text('Location') };
}

function restoreEnv() {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  process.env.SEAL_DIR = path.join(dir, 'seal');
  resetSealCertificateCache();
}

beforeAll(async () => {
  saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  dir = await mkdtemp(path.join(os.tmpdir(), 'ministage-seal-'));
  for (const key of ENV_KEYS) delete process.env[key];
  restoreEnv();
  plain = await twoPagePdf();
  sealed = await sealPdf(plain, INFO);
});

afterEach(restoreEnv);

afterAll(async () => {
  await closePrinter();
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetSealCertificateCache();
  await rm(dir, { recursive: true, force: true });
});

describe('sealPdf', () => {
  it('signs a pdf-lib document so that pdfsig finds one valid signature over the whole file', async () => {
    expect(sealed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sealed.length).toBeGreaterThan(plain.length);
    const report = await pdfsig(sealed);
    expect(report.match(/^Signature #\d+:/gm)).toEqual(['Signature #1:']);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signer Certificate Common Name: ministage — sceau de démonstration');
    expect(report).toContain('Signing Time: Mar 10 2027 09:30:00');
    expect(await signatureTexts(sealed)).toEqual({ reason: INFO.reason, name: INFO.name, location: INFO.location });
  });

  it('verifySeal finds the platform, the time and the whole file', async () => {
    const check = await verifySeal(sealed);
    expect(check).toEqual({
      valid: true,
      signer: expect.stringContaining('sceau'),
      signedAt: SIGNED_AT,
      fingerprint: (await sealCertificate()).fingerprint,
      coversWholeFile: true,
    });
  });

  it('one changed byte in the signed part: invalid for verifySeal and for pdfsig', async () => {
    const text = sealed.toString('latin1');
    // The first page's width: 595 → 596.
    const at = text.indexOf('595', text.indexOf('/MediaBox'));
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(text.indexOf('/ByteRange'));
    const tampered = Buffer.from(sealed);
    tampered[at + 2] = '6'.charCodeAt(0);
    expect(await verifySeal(tampered)).toEqual({ valid: false, reason: expect.stringMatching(/modifié après sa signature/) });
    const report = await pdfsig(tampered);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('bytes appended after the file: the seal no longer covers the whole document', async () => {
    const appended = Buffer.concat([sealed, Buffer.from('\n% ajouté après coup\n')]);
    const check = await verifySeal(appended);
    expect(check).toMatchObject({ valid: true, coversWholeFile: false });
    expect(await pdfsig(appended)).toContain('Not total document signed');
  });

  it('a truncated file is invalid', async () => {
    expect(await verifySeal(sealed.subarray(0, sealed.length - 10))).toEqual({ valid: false, reason: expect.stringMatching(/incomplet/) });
  });

  it('an unsigned PDF, or not a PDF at all, carries no seal', async () => {
    expect(await verifySeal(plain)).toEqual({ valid: false, reason: NOT_SEALED });
    expect(await verifySeal(Buffer.from('bonjour'))).toEqual({ valid: false, reason: NOT_SEALED });
    // A ByteRange around something that is not a CMS.
    const fake = Buffer.from('%PDF-1.7\n/ByteRange [0 20 30 5]\n<00112233>\n%%EOF');
    expect(await verifySeal(fake)).toEqual({ valid: false, reason: NOT_SEALED });
  });

  it('refuses to seal a document twice (pdf-lib would break the first signature)', async () => {
    await expect(sealPdf(sealed, INFO)).rejects.toThrow('Ce document porte déjà une signature');
  });

  it('seals a PDF printed by Chromium (its real input)', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `<tr><td>Article ${i + 1}</td><td>L’élève s’engage à respecter le règlement intérieur de l’entreprise d’accueil.</td></tr>`,
    ).join('');
    const printed = await printPdf(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Convention</title></head><body><h1>Convention de stage d’observation</h1><table>${rows}</table></body></html>`,
    );
    // Text in PDFDocEncoding: « — ’ … € œ » and parentheses read back.
    const reason = 'Convention de stage — signée par l’élève, sa famille (2/2)… « Œuvre » 10 €';
    const result = await sealPdf(printed, { ...INFO, reason, name: 'Lycée Émile-Zola \\ ministage' });
    expect(await signatureTexts(result)).toEqual({ reason, name: 'Lycée Émile-Zola \\ ministage', location: 'Rennes' });
    const report = await pdfsig(result);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(await verifySeal(result)).toMatchObject({ valid: true, coversWholeFile: true, signedAt: SIGNED_AT });
    // Still the same document: every page and its text.
    const text = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
    expect((await PDFDocument.load(result)).getPageCount()).toBe((await PDFDocument.load(printed)).getPageCount());
    expect(text(result)).toBe(text(printed));
    expect(text(result)).toContain('L’élève s’engage à respecter');
  });
});

describe('sealCertificate', () => {
  it('generates the demonstration certificate once, in SEAL_DIR, readable by its owner only', async () => {
    const first = await sealCertificate();
    expect(first).toMatchObject({ selfSigned: true, subject: 'ministage — sceau de démonstration' });
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect((await sealCertificate()).fingerprint).toBe(first.fingerprint);
    for (const file of ['demo-seal.p12', 'demo-seal.pass']) {
      expect((await stat(path.join(dir, 'seal', file))).mode & 0o777).toBe(0o600);
    }
    resetSealCertificateCache();
    const again = await sealCertificate();
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.p12.equals(first.p12)).toBe(true);
  });

  it('several processes starting at once end up with one certificate', async () => {
    process.env.SEAL_DIR = path.join(dir, 'race');
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const script = `import('${path.join(process.cwd(), 'lib/conventions/certificate.ts')}').then(async (m) => console.log((await m.sealCertificate()).fingerprint))`;
    const runs = await Promise.all([1, 2].map(() => run(tsx, ['--eval', script], { env: process.env })));
    const fingerprints = new Set(runs.map((r) => r.stdout.trim()));
    expect(fingerprints.size).toBe(1);
    resetSealCertificateCache();
    expect((await sealCertificate()).fingerprint).toBe([...fingerprints][0]);
  });

  it('in production, refuses to generate one when none is configured', async () => {
    process.env.APP_ENV = 'production';
    resetSealCertificateCache();
    await expect(sealCertificate()).rejects.toThrow(
      'Aucun certificat de scellement configuré (SEAL_P12_PATH, SEAL_P12_PASSPHRASE) : en production, la plateforme ne génère pas de certificat de démonstration.',
    );
    await expect(sealPdf(plain, INFO)).rejects.toThrow('Aucun certificat de scellement configuré');
  });

  it('uses the configured certificate (even in production); a wrong passphrase or a missing file says which setting to check', async () => {
    const demo = await sealCertificate();
    const configured = path.join(dir, 'etablissement.p12');
    await copyFile(path.join(dir, 'seal', 'demo-seal.p12'), configured);
    process.env.APP_ENV = 'production';
    process.env.SEAL_P12_PATH = configured;
    process.env.SEAL_P12_PASSPHRASE = (await readFile(path.join(dir, 'seal', 'demo-seal.pass'), 'utf8')).trim();
    resetSealCertificateCache();
    const cert = await sealCertificate();
    expect(cert).toMatchObject({ selfSigned: false, fingerprint: demo.fingerprint });
    const result = await sealPdf(plain, INFO);
    expect(await verifySeal(result)).toMatchObject({ valid: true, fingerprint: demo.fingerprint });

    process.env.SEAL_P12_PASSPHRASE = 'pas-la-bonne';
    resetSealCertificateCache();
    await expect(sealCertificate()).rejects.toThrow(/vérifiez SEAL_P12_PASSPHRASE/);
    // A failure is not cached: once corrected, it loads.
    process.env.SEAL_P12_PASSPHRASE = cert.passphrase;
    expect((await sealCertificate()).fingerprint).toBe(demo.fingerprint);

    process.env.SEAL_P12_PATH = path.join(dir, 'absent.p12');
    resetSealCertificateCache();
    await expect(sealCertificate()).rejects.toThrow(/vérifiez SEAL_P12_PATH/);
  });
});
