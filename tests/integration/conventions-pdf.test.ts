// The convention's PDFs as printed by the real Chromium and read back by poppler: the draft « Conv »
// gives before sending (every party, the dates and hours in French, the nine articles and the
// platform's own text, the header and the footer on every page), the PDF frozen when sent, the final
// sealed PDF (each party's « Signé électroniquement par … le … », a PAdES seal that poppler's pdfsig
// validates, on its own, and that our verifySeal agrees with), a convention with something missing
// (a list, never a PDF) and the attestation de présence (refused before attendance, sealed after).
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import {
  daysFromNow,
  enrol,
  fillConventionInfo,
  makeCollege,
  makeSite,
  makeStage,
  NOW,
  outboxEmails,
  outboxMark,
  type TestCollege,
  type TestSite,
} from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { AppError } from '@/lib/core/errors';
import { sendForSignatureAction, signConventionAction } from '@/lib/conventions/actions';
import { attendanceCertificate, conventionFile } from '@/lib/conventions/service';
import { verifySeal } from '@/lib/conventions/seal';
import { sealCertificate } from '@/lib/conventions/certificate';
import { closePrinter } from '@/lib/conventions/printer';

const db = useTestDb();
const ORIGINS = { site: 'http://demo.localhost', portal: 'http://localhost' };
/** Wednesday 2 December 2026 (NOW is Monday 23 November 2026, 9:00 in Paris). */
const DAY = daysFromNow(9);
const PLATFORM = 'Mini-stages du lycée Jean Guéhenno';
const LYCEE = 'Lycée professionnel Jean Guéhenno';
const COLLEGE = 'Collège les Ormeaux';
const FORMATION = "Bac pro Métiers de l'électricité demo"; // the factory's formation: type + name
const OWN_TEXT = 'Les élèves apportent une tenue de travail et des chaussures fermées, et leur carnet de correspondance.';
const SCHEDULE = 'Accueil à 8 h 50 au hall A, atelier de 9 h 15 à 11 h 45';
/** formatDateTime(NOW): the frozen clock's instant, as a signature is dated. */
const SIGNED_ON = 'lundi 23 novembre 2026 à 9 h 00';

let demo: TestSite;
let college: TestCollege;
let enrolmentId: string;
let incompleteId: string;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'conventions-pdf-'));
  process.env.SEAL_DIR = join(work, 'seal');
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V', name: PLATFORM });
  college = await makeCollege(p, { uai: '0350033W', name: COLLEGE, pupils: 2 });
  // Both establishments' « Informations de l'Établissement ».
  await fillConventionInfo(p, demo, college, { name: LYCEE, publicPhone: '02 99 12 34 56' });
  await p.site.update({ where: { id: demo.site.id }, data: { conventionText: OWN_TEXT } });
  await p.teacher.update({ where: { id: demo.teachers.durand.id }, data: { firstName: 'Yannick', lastName: 'Le Bihan' } });
  // The pupil: birth date, class (the factory's « 3e A »), two guardians.
  const pupil = college.pupils[0];
  await p.pupil.update({ where: { id: pupil.id }, data: { firstName: 'Zoé', lastName: 'Lefèvre', birthDate: new Date(Date.UTC(2012, 2, 14)) } });
  await p.guardian.updateMany({
    where: { pupilId: pupil.id, rank: 1 },
    data: { firstName: 'Sophie', lastName: 'Lefèvre', email: 'sophie.lefevre@example.fr', phone: '06 12 34 56 78' },
  });
  await p.guardian.create({ data: { pupilId: pupil.id, rank: 2, firstName: 'Marc', lastName: 'Lefèvre', email: 'marc.lefevre@example.fr' } });
  // A second pupil, complete but for the guardians.
  await p.pupil.update({ where: { id: college.pupils[1].id }, data: { birthDate: new Date(Date.UTC(2012, 5, 2)) } });
  await p.guardian.deleteMany({ where: { pupilId: college.pupils[1].id } });

  const stage = await makeStage(p, demo, { date: DAY, start: 540, end: 720, teacher: 'durand', scheduleDetail: SCHEDULE });
  await p.stage.update({ where: { id: stage.id }, data: { place: 'Atelier B12, bâtiment C' } });
  await enrol(p, stage.id, college, [0, 1]);
  enrolmentId = (await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id, pupilId: pupil.id } })).id;
  incompleteId = (await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id, pupilId: college.pupils[1].id } })).id;
}, 60_000);

afterAll(async () => {
  await closePrinter();
  setNow(null);
  rmSync(work, { recursive: true, force: true });
});

// ── Reading a PDF back ──

/** The page as laid out (`pdftotext -layout`): one entry per page (pages end with a form feed). */
function pages(pdf: Buffer): string[] {
  const out = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
  const all = out.split('\f');
  expect(all.at(-1)!.trim()).toBe('');
  return all.slice(0, -1);
}

/**
 * The text in the document's order with the line breaks undone. The parties sit in two columns,
 * whose lines `-layout` interleaves side by side: `-raw` keeps each box's lines together, and
 * Chromium's wraps (a space, or after a hyphen, which it keeps) are joined back.
 */
function flow(pdf: Buffer): string {
  const raw = execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8');
  return raw.replace(/-\n/g, '-').replace(/\s+/g, ' ').trim();
}

/** The text between two headings (the first `from`, then the first `to` after it). */
function between(text: string, from: string, to: string | null): string {
  const start = text.indexOf(from);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = to === null ? text.length : text.indexOf(to, start + from.length);
  expect(end).toBeGreaterThan(start);
  return text.slice(start + from.length, end);
}

/** poppler's pdfsig report (it exits non-zero on an invalid signature: the report is read either way). */
function pdfsig(pdf: Buffer): string {
  const file = join(work, `check-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', ['-nocert', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  } finally {
    rmSync(file, { force: true });
  }
}

const NO_PLACEHOLDER = /\b(undefined|null|NaN)\b|\[object Object\]/;

/** The header, the footer and « page i / N » on every page. */
function expectFrame(pdf: Buffer, c: { number: string; verifyCode: string }) {
  const all = pages(pdf);
  expect(all.length).toBeGreaterThanOrEqual(2);
  for (const [i, page] of all.entries()) {
    const lines = page.split('\n').filter((l) => l.trim());
    expect(lines[0].trim()).toBe(PLATFORM);
    const last = lines.at(-1)!;
    expect(last).toMatch(new RegExp(`page ${i + 1} / ${all.length}$`));
    expect(last).toContain(`Convention n° ${c.number} · code de vérification ${c.verifyCode} · http://demo.localhost/verification`);
  }
  return all;
}

/** Every party, the stage in French, the articles: what the convention says, signed or not. */
function expectConventionText(pdf: Buffer, number: string) {
  const text = flow(pdf);
  expect(text).not.toMatch(NO_PLACEHOLDER);
  expect(pages(pdf).join('\f')).not.toMatch(NO_PLACEHOLDER);

  expect(text).toContain(`Convention de mini-stage Convention tripartite n° ${number} — ${PLATFORM}`);

  const host = between(text, 'L’établissement d’accueil', 'L’établissement d’origine');
  expect(host).toContain(`${LYCEE} (UAI 0350032V)`);
  expect(host).toContain('12 rue de la Forge 35000 Rennes');
  expect(host).toContain('Représenté par M. Alain Le Goff, Proviseur');
  expect(host).toContain('Tél. 02 99 12 34 56');
  expect(host).toContain('Enseignant responsable du stage : Yannick Le Bihan');

  const home = between(text, 'L’établissement d’origine', 'L’élève');
  expect(home).toContain(`${COLLEGE} (UAI 0350033W)`);
  expect(home).toContain('3 allée des Ormeaux 35700 Rennes');
  expect(home).toContain('Représenté par Mme Claire Martin, Principale');
  expect(home).toContain('Assurance responsabilité civile : MAIF, contrat n° 1234567');

  const pupil = between(text, 'L’élève', 'Les responsables légaux');
  expect(pupil.trim()).toBe('Zoé Lefèvre Né(e) le 14/03/2012 Classe : 3e A');

  const guardians = between(text, 'Les responsables légaux', 'Le stage');
  expect(guardians.trim()).toBe('Sophie Lefèvre Tél. 06 12 34 56 78 · sophie.lefevre@example.fr Marc Lefèvre marc.lefevre@example.fr');

  const stage = between(text, 'Le stage', 'Les articles');
  expect(stage).toContain(`Mini-stage en ${FORMATION}`);
  expect(stage).toContain('Le mercredi 2 décembre 2026, de 9 h 00 à 12 h 00');
  expect(stage).toContain(`Détail des horaires : ${SCHEDULE}`);
  expect(stage).toContain(`Lieu : ${LYCEE}, 12 rue de la Forge, 35000 Rennes, Atelier B12, bâtiment C`);

  const articles = between(text, 'Les articles', 'Signatures');
  const titles = [
    'Article 1 — Objet et cadre',
    'Article 2 — Statut de l’élève',
    'Article 3 — Observation seulement',
    'Article 4 — Sécurité',
    'Article 5 — Règlement intérieur',
    'Article 6 — Horaires',
    'Article 7 — Trajets',
    'Article 8 — Assurance',
    'Article 9 — Accident',
    'Article 10 — Dispositions particulières du lycée',
  ];
  // In this order, each once.
  const at = titles.map((t) => articles.indexOf(t));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  for (const t of titles) expect(articles.split(t)).toHaveLength(2);
  expect(articles).not.toContain('Article 11');
  const article = (n: number) => between(articles, titles[n - 1], titles[n] ?? null);
  expect(article(1)).toContain(`mini-stage d’observation de l’élève désigné ci-dessous au ${LYCEE}`);
  expect(article(2)).toContain(`reste sous statut scolaire et sous la responsabilité du chef d’établissement du ${COLLEGE}`);
  expect(article(2)).toContain('aucune rémunération');
  expect(article(4)).toContain('D.4153-15');
  expect(article(5)).toContain('règlement intérieur');
  expect(article(7)).toContain('responsabilité de la famille');
  expect(article(8)).toContain('responsabilité civile');
  expect(article(9)).toContain('déclaré le jour même');
  expect(article(10).trim()).toBe(OWN_TEXT);
  return text;
}

type Row = { number: string; verifyCode: string };

async function conventionRow(): Promise<Row & { pdf: Uint8Array | null; sealedPdf: Uint8Array | null; status: string }> {
  return db().prisma.convention.findUniqueOrThrow({ where: { enrolmentId }, select: { number: true, verifyCode: true, pdf: true, sealedPdf: true, status: true } });
}

// ── The tests ──

let draftText: string;

describe('the convention as printed', () => {
  it('before sending: every party, the stage in French, the nine articles and the platform’s own, the header and footer on every page', async () => {
    expect(DAY).toBe('2026-12-02');
    const file = await conventionFile(enrolmentId, ORIGINS);
    if (!('pdf' in file)) throw new Error(`Convention incomplète : ${JSON.stringify(file.missing)}`);
    const c = await conventionRow();
    expect(c.number).toMatch(/^2026-DEMO-\d{6}$/);
    expect(c.verifyCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(file.number).toBe(c.number);
    expect(file.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    draftText = expectConventionText(file.pdf, c.number);
    expectFrame(file.pdf, c);
    // Not signed yet: four empty signature cells, no seal.
    const grid = between(draftText, 'Signatures', null);
    expect(grid.split('Date et signature :')).toHaveLength(5);
    expect(grid).not.toContain('Signé électroniquement');
    expect(grid).toContain('Le chef d’établissement du collège d’origine Mme Claire Martin, Principale Date et signature :');
    expect(grid).toContain('Le chef d’établissement du lycée d’accueil (ou le DDFPT) M. Alain Le Goff, Proviseur Date et signature :');
    expect(grid).toContain('Le responsable légal Sophie Lefèvre Date et signature :');
    expect(grid).toContain('Le responsable légal Marc Lefèvre Date et signature :');
    expect(await verifySeal(file.pdf)).toMatchObject({ valid: false });
    expect(pdfsig(file.pdf)).not.toContain('Signature is Valid');
  }, 60_000);

  it('a convention with something missing gives the list of what to fill in, never a PDF', async () => {
    const file = await conventionFile(incompleteId, ORIGINS);
    expect(file).toEqual({
      missing: [
        {
          what: 'Au moins un responsable légal de l’élève',
          by: 'collège',
          fixLabel: 'Fiche de l’élève',
          href: `http://localhost/etablissement/eleves/${college.pupils[1].id}`,
        },
      ],
    });
    expect(file).not.toHaveProperty('pdf');
  }, 60_000);

  it('sent, then signed by every party: the sealed PDF names each signer with the date, and pdfsig and verifySeal find the platform’s seal valid', async () => {
    const p = db().prisma;
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    expect(await sendForSignatureAction({ enrolmentId })).toEqual({ ok: true, data: { emails: 4 } });
    // The PDF frozen for signature says what the draft said.
    const sent = await conventionRow();
    expect(sent.status).toBe('READY');
    const frozen = Buffer.from(sent.pdf!);
    expect(flow(frozen)).toBe(draftText);

    const signerOf: Record<string, string> = {
      'ce.0350033w@ac-rennes.fr': 'Claire Martin',
      'admin.demo@ac-rennes.fr': 'Alain Le Goff',
      'sophie.lefevre@example.fr': 'Sophie Lefèvre',
      'marc.lefevre@example.fr': 'Marc Lefèvre',
    };
    const links = (await outboxEmails(p, { since }))
      .map((m) => ({ to: m.to, token: /\/signature\/([A-Za-z0-9_-]{43})/.exec(m.html)?.[1] }))
      .filter((l): l is { to: string; token: string } => Boolean(l.token));
    expect(links.map((l) => l.to).sort()).toEqual(Object.keys(signerOf).sort());
    for (const l of links) {
      actAs(null, demo.host);
      expect(await signConventionAction({ token: l.token, signerName: signerOf[l.to], consent: true })).toMatchObject({ ok: true });
    }

    const c = await conventionRow();
    expect(c.status).toBe('SIGNED');
    expect(c.sealedPdf).not.toBeNull();
    const sealed = Buffer.from(c.sealedPdf!);
    // « Conv » now gives exactly that file.
    const file = await conventionFile(enrolmentId, ORIGINS);
    expect('pdf' in file && file.pdf.equals(sealed)).toBe(true);

    const text = expectConventionText(sealed, c.number);
    expectFrame(sealed, c);
    const grid = between(text, 'Signatures', null);
    expect(grid).not.toContain('Date et signature :');
    expect(grid).toContain(`Le chef d’établissement du collège d’origine Mme Claire Martin, Principale Signé électroniquement par Claire Martin le ${SIGNED_ON}`);
    expect(grid).toContain(
      `Le chef d’établissement du lycée d’accueil (ou le DDFPT) M. Alain Le Goff, Proviseur Signé électroniquement par Alain Le Goff le ${SIGNED_ON}`,
    );
    expect(grid).toContain(`Le responsable légal Sophie Lefèvre Signé électroniquement par Sophie Lefèvre le ${SIGNED_ON}`);
    expect(grid).toContain(`Le responsable légal Marc Lefèvre Signé électroniquement par Marc Lefèvre le ${SIGNED_ON}`);
    expect(grid.split('Signé électroniquement par')).toHaveLength(5);

    // poppler, on its own: one PAdES signature, valid, over the whole file.
    const report = pdfsig(sealed);
    expect(report.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    // Our own check agrees, with the platform's certificate.
    const certificate = await sealCertificate();
    expect(await verifySeal(sealed)).toEqual({ valid: true, signer: certificate.subject, signedAt: NOW, fingerprint: certificate.fingerprint, coversWholeFile: true });

    // And both see one changed byte of the printed content.
    const altered = Buffer.from(sealed);
    altered[400] ^= 1;
    expect(pdfsig(altered)).not.toContain('Signature is Valid');
    expect(await verifySeal(altered)).toMatchObject({ valid: false });
  }, 120_000);
});

describe('the attestation de présence', () => {
  it('is refused before the lycée notes the pupil present, in French', async () => {
    const refused = attendanceCertificate(enrolmentId, ORIGINS);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'L’attestation de présence est disponible une fois la présence de l’élève notée par le lycée.',
    });
    await db().prisma.enrolment.update({ where: { id: enrolmentId }, data: { attendance: 'ABSENT', attendanceAt: NOW } });
    await expect(attendanceCertificate(enrolmentId, ORIGINS)).rejects.toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('once present: the pupil, the formation, the day and hours in French, sealed so that pdfsig finds it valid', async () => {
    await db().prisma.enrolment.update({ where: { id: enrolmentId }, data: { attendance: 'PRESENT', attendanceAt: NOW } });
    const c = await conventionRow();
    const { pdf, number } = await attendanceCertificate(enrolmentId, ORIGINS);
    expect(number).toBe(c.number);

    const all = pages(pdf);
    expect(all).toHaveLength(1);
    const lines = all[0].split('\n').filter((l) => l.trim());
    expect(lines[0].trim()).toBe(PLATFORM);
    expect(lines.at(-1)).toMatch(/page 1 \/ 1$/);
    expect(lines.at(-1)).toContain(`Convention n° ${c.number} · code de vérification ${c.verifyCode}`);

    const text = flow(pdf);
    expect(text).not.toMatch(NO_PLACEHOLDER);
    expect(text).toContain(`${LYCEE} (UAI 0350032V) Attestation de présence`);
    expect(text).toContain(
      `Je soussigné(e), M. Alain Le Goff, Proviseur, atteste que l’élève Zoé Lefèvre, en classe de 3e A au ${COLLEGE}, a été présent(e) au mini-stage ${FORMATION} du 2 décembre 2026, de 9 h 00 à 12 h 00, au ${LYCEE}.`,
    );
    expect(text).toContain(`Convention n° ${c.number}.`);
    expect(text).toContain('Fait à Rennes, le 23 novembre 2026');

    const report = pdfsig(pdf);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(await verifySeal(pdf)).toMatchObject({ valid: true, fingerprint: (await sealCertificate()).fingerprint, coversWholeFile: true });
  }, 60_000);
});
