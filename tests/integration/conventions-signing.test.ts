// Conventions, end to end on the real database and the real Chromium: what is missing before sending,
// « Envoyer pour signature » (version 1 frozen with its PDF), the parties' personal single-use links
// (wrong platform, used twice, expired), a party's information changed → version 2 and the old
// signatures void, the last signature → sealed PDF (PAdES) sent to every party, the verification
// page, the audit trail, « Convention reçue », and cancellation with the enrolment.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
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
import { makeMember } from '../factories/people';
import { setNow } from '@/lib/core/clock';
import { markReceivedAction, resendLinksAction, sendForSignatureAction, signConventionAction, verifyConventionAction } from '@/lib/conventions/actions';
import { conventionState } from '@/lib/conventions/service';
import { verifySeal } from '@/lib/conventions/seal';
import { closePrinter } from '@/lib/conventions/printer';
import { cancelEnrolmentAction } from '@/lib/enrolments/actions';
import { updateOwnGuardians } from '@/lib/classes/self';
import { updateGuardians } from '@/lib/classes/pupils';
import { makeUser } from '../factories/people';

const db = useTestDb();
let demo: TestSite;
let other: TestSite;
let college: TestCollege;
const D = daysFromNow(10);
const ORIGINS = { site: 'http://demo.localhost', portal: 'http://localhost' };

beforeAll(async () => {
  process.env.SEAL_DIR = mkdtempSync(join(tmpdir(), 'seal-'));
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  other = await makeSite(p, { slug: 'autre', uai: '0350041E' });
  college = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 4 });
  await fillConventionInfo(p, demo, college);
  for (const [i, p2] of college.pupils.entries()) {
    await p.pupil.update({ where: { id: p2.id }, data: { birthDate: new Date(Date.UTC(2012, 2, 14 + i)) } });
    await p.guardian.create({ data: { pupilId: p2.id, rank: 2, firstName: 'Marc', lastName: `Second${i}`, email: `second${i}@example.fr` } });
  }
}, 60_000);
afterAll(async () => {
  setNow(null);
  await closePrinter();
});

async function stageWith(pupilIndex: number) {
  const p = db().prisma;
  const stage = await makeStage(p, demo, { date: D });
  await enrol(p, stage.id, college, [pupilIndex]);
  return p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
}

const tokenIn = (html: string) => /\/signature\/([A-Za-z0-9_-]{43})/.exec(html)?.[1] ?? null;

async function links(since: Date) {
  const mails = await outboxEmails(db().prisma, { since });
  return mails.filter((m) => tokenIn(m.html)).map((m) => ({ to: m.to, subject: m.subject, token: tokenIn(m.html)! }));
}

async function sign(token: string, name: string, host = demo.host) {
  actAs(null, host);
  return signConventionAction({ token, signerName: name, consent: true });
}

describe('sending a convention for signature', () => {
  it('lists what is missing with where to fill it in, and refuses to send until it is complete', async () => {
    const p = db().prisma;
    const e = await stageWith(0);
    await p.pupil.update({ where: { id: college.pupils[0].id }, data: { birthDate: null } });
    const state = (await conventionState(e.id, ORIGINS))!;
    expect(state.label).toBe('À compléter');
    expect(state.missing.map((m) => m.what)).toEqual(['La date de naissance de l’élève']);
    expect(state.missing[0].href).toBe(`http://localhost/etablissement/eleves/${college.pupils[0].id}`);
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    const res = await sendForSignatureAction({ enrolmentId: e.id });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/^Avant l’envoi, complétez : la date de naissance de l’élève\.$/);
    expect(await links(since)).toEqual([]);
    await p.pupil.update({ where: { id: college.pupils[0].id }, data: { birthDate: new Date(Date.UTC(2012, 2, 14)) } });
    expect((await conventionState(e.id, ORIGINS))!.label).toBe('Prête à signer (non envoyée)');
  }, 60_000);

  it('freezes version 1 with its PDF and sends one personal link to each party', async () => {
    const p = db().prisma;
    const e = await stageWith(1);
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    const res = await sendForSignatureAction({ enrolmentId: e.id });
    expect(res).toEqual({ ok: true, data: { emails: 4 } });
    const c = await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id } });
    expect(c).toMatchObject({ status: 'READY', version: 1 });
    expect(c.pdfSha256).toBe(createHash('sha256').update(c.pdf!).digest('hex'));
    const guardians = (await p.guardian.findMany({ where: { pupilId: college.pupils[1].id } })).map((g) => g.email!);
    expect((await links(since)).map((l) => l.to).sort()).toEqual(['admin.demo@ac-rennes.fr', 'ce.0350033w@ac-rennes.fr', ...guardians].sort());
    const audit = await p.auditEntry.findFirstOrThrow({ where: { action: 'convention.send', targetId: c.id } });
    expect(audit).toMatchObject({ actorId: demo.admin.id, siteId: demo.site.id, establishmentId: college.est.id });
    // Sent twice: refused, nothing more goes out.
    const again = await sendForSignatureAction({ enrolmentId: e.id });
    expect(again.ok).toBe(false);
  }, 60_000);
});

describe('signing through the links', () => {
  it('signs once per link, only on its platform, records who / when / IP / user agent / SHA-256, and seals the final PDF', async () => {
    const p = db().prisma;
    const e = await stageWith(2);
    const since = await outboxMark();
    actAs(demo.teacherUser.id, demo.host);
    expect((await sendForSignatureAction({ enrolmentId: e.id })).ok).toBe(true);
    const sent = await links(since);
    expect(sent).toHaveLength(4);
    const [first, ...rest] = sent;

    // Another platform's host does not know the link.
    const elsewhere = await sign(first.token, 'Quelqu’un', other.host);
    expect(elsewhere.ok).toBe(false);
    if (!elsewhere.ok) expect(elsewhere.error.code).toBe('NOT_FOUND');

    expect(await sign(first.token, 'Claire Martin')).toEqual({ ok: true, data: expect.objectContaining({ status: 'PARTIAL' }) });
    const twice = await sign(first.token, 'Claire Martin');
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toMatch(/déjà été signée avec ce lien/);

    const c1 = await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id }, include: { signatures: true } });
    expect(c1.status).toBe('PARTIAL');
    expect(c1.signatures).toHaveLength(1);
    expect(c1.signatures[0]).toMatchObject({ signerName: 'Claire Martin', version: 1, pdfSha256: c1.pdfSha256, signerEmail: first.to });
    const audit = await p.auditEntry.findFirstOrThrow({ where: { action: 'convention.sign', targetId: c1.id } });
    expect(audit.data).toMatchObject({ signerName: 'Claire Martin', pdfSha256: c1.pdfSha256, version: 1 });
    // The client's address is the line's own column (none here: no request), never a copy in its data.
    expect(audit.data).not.toHaveProperty('ip');
    expect(audit.data).not.toHaveProperty('userAgent');

    for (const [i, l] of rest.entries()) {
      const res = await sign(l.token, `Signataire ${i}`);
      expect(res.ok).toBe(true);
    }
    const c2 = await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id } });
    expect(c2.status).toBe('SIGNED');
    expect(c2.sealedPdf).not.toBeNull();
    const sealed = Buffer.from(c2.sealedPdf!);
    expect(c2.sealedSha256).toBe(createHash('sha256').update(sealed).digest('hex'));
    const check = await verifySeal(sealed);
    expect(check.valid).toBe(true);

    // Every party receives the sealed PDF.
    const finals = (await outboxEmails(p, { since })).filter((m) => m.subject.startsWith('Convention signée'));
    expect(finals.map((m) => m.to).sort()).toEqual(sent.map((l) => l.to).sort());
    expect(finals[0].attachments[0]).toMatchObject({ filename: `convention-${c2.number}.pdf`, contentType: 'application/pdf' });

    // The verification page: the exact file is genuine; one changed byte is not.
    actAs(null, demo.host);
    const ok = await verifyConventionAction({ code: c2.verifyCode, sha256: c2.sealedSha256 });
    expect(ok.ok && ok.data).toMatchObject({ found: true, genuine: true, number: c2.number });
    if (ok.ok && ok.data.found) expect(ok.data.signatures.map((s) => s.name)).toEqual(['Claire Martin', 'Signataire 0', 'Signataire 1', 'Signataire 2']);
    const altered = Buffer.from(sealed);
    altered[200] ^= 1;
    const bad = await verifyConventionAction({ code: c2.verifyCode, sha256: createHash('sha256').update(altered).digest('hex') });
    expect(bad.ok && bad.data).toMatchObject({ found: true, genuine: false });
    // Another platform does not answer for this one's conventions.
    actAs(null, other.host);
    const foreign = await verifyConventionAction({ code: c2.verifyCode });
    expect(foreign.ok && foreign.data).toMatchObject({ found: false });
  }, 120_000);

  it('refuses an expired link, and « Renvoyer les liens » gives a new one (the old one stops)', async () => {
    const p = db().prisma;
    const e = await stageWith(3);
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    expect((await sendForSignatureAction({ enrolmentId: e.id })).ok).toBe(true);
    const [l] = await links(since);
    setNow(new Date(NOW.getTime() + 31 * 86_400_000), { frozen: true });
    try {
      const late = await sign(l.token, 'Trop tard');
      expect(late.ok).toBe(false);
      if (!late.ok) expect(late.error.code).toBe('EXPIRED');
    } finally {
      setNow(NOW, { frozen: true });
    }
    const mark = await outboxMark();
    actAs(demo.admin.id, demo.host);
    expect((await resendLinksAction({ enrolmentId: e.id })).ok).toBe(true);
    const fresh = (await links(mark)).find((x) => x.to === l.to)!;
    expect(fresh.token).not.toBe(l.token);
    const old = await sign(l.token, 'Ancien lien');
    expect(old.ok).toBe(false);
    expect((await sign(fresh.token, 'Nouveau lien')).ok).toBe(true);
    expect(await p.signature.count({ where: { convention: { enrolmentId: e.id } } })).toBe(1);
  }, 60_000);
});

describe('a new version when a party’s information changes', () => {
  it('voids the signatures of version 1, sends new links, and the old links no longer sign', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D, formation: 'cuisine' });
    await enrol(p, stage.id, college, [0]);
    const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    expect((await sendForSignatureAction({ enrolmentId: e.id })).ok).toBe(true);
    const v1 = await links(since);
    expect((await sign(v1[0].token, 'Claire Martin')).ok).toBe(true);
    // The collège corrects its head's name.
    await p.establishment.update({ where: { id: college.est.id }, data: { headName: 'Mme Claire Martin-Robin' } });
    try {
      const mark = await outboxMark();
      const res = await sign(v1[1].token, 'Alain Le Goff');
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/nouvelle version vient de vous être envoyée/);
      const c = await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id }, include: { signatures: true } });
      expect(c).toMatchObject({ status: 'READY', version: 2 });
      expect(c.signatures).toHaveLength(1);
      expect(c.signatures[0].voidedAt).not.toBeNull();
      expect((c.snapshot as { home: { head: string } }).home.head).toBe('Mme Claire Martin-Robin, Principale');
      const v2 = await links(mark);
      expect(v2).toHaveLength(4);
      expect(v2[0].subject).toMatch(/^Convention modifiée, à signer de nouveau/);
      expect((await sign(v1[2].token, 'Ancien lien')).ok).toBe(false);
      expect((await sign(v2[0].token, 'Claire Martin-Robin')).ok).toBe(true);
      expect(await p.auditEntry.count({ where: { action: 'convention.new-version', targetId: c.id } })).toBe(1);
    } finally {
      await p.establishment.update({ where: { id: college.est.id }, data: { headName: 'Mme Claire Martin' } });
    }
  }, 90_000);
});

describe('paper conventions, cancellation and who may act', () => {
  it('« Convention reçue »: the lycée marks a paper convention returned, the links stop', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D, start: 780, end: 960 });
    await enrol(p, stage.id, college, [1]);
    const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    expect((await sendForSignatureAction({ enrolmentId: e.id })).ok).toBe(true);
    const [l] = await links(since);
    // The collège may not mark it received: that is the lycée's.
    actAs(college.principal.id, demo.host);
    const refused = await markReceivedAction({ enrolmentId: e.id });
    expect(refused.ok).toBe(false);
    actAs(demo.teacherUser.id, demo.host);
    expect(await markReceivedAction({ enrolmentId: e.id })).toEqual({ ok: true, data: { received: true } });
    const c = await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id } });
    expect(c.status).toBe('SIGNED');
    expect(c.receivedAt).not.toBeNull();
    expect((await sign(l.token, 'Trop tard')).ok).toBe(false);
    expect(await p.auditEntry.count({ where: { action: 'convention.received', targetId: c.id } })).toBe(1);
  }, 60_000);

  it('a cancelled enrolment cancels its convention and its links', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D, start: 800, end: 900 });
    await enrol(p, stage.id, college, [2]);
    const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    expect((await sendForSignatureAction({ enrolmentId: e.id })).ok).toBe(true);
    const [l] = await links(since);
    expect((await cancelEnrolmentAction({ enrolmentId: e.id })).ok).toBe(true);
    expect((await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id } })).status).toBe('CANCELLED');
    const res = await sign(l.token, 'Trop tard');
    expect(res.ok).toBe(false);
  }, 60_000);

  it('another collège’s member, another platform’s staff and a teacher without class cannot send it', async () => {
    const p = db().prisma;
    const e = await stageWith(3);
    const stranger = await makeCollege(p, { uai: '0350042F', name: 'Collège Voisin', pupils: 0 });
    const { user: teacher } = await makeMember(p, { email: 'prof.sans.classe@ac-rennes.fr', establishmentId: college.est.id, role: 'TEACHER' });
    for (const [who, host] of [
      [stranger.principal.id, demo.host],
      [other.admin.id, other.host],
      [teacher.id, demo.host],
    ] as const) {
      actAs(who, host);
      const res = await sendForSignatureAction({ enrolmentId: e.id });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(res.error.code);
    }
    actAs(null, demo.host);
    const anonymous = await sendForSignatureAction({ enrolmentId: e.id });
    expect(anonymous.ok).toBe(false);
  }, 60_000);
});

describe('who signs for whom', () => {
  it('a guardian typed by the pupil gets no link until the collège saves it; during signature the pupil cannot change them', async () => {
    const p = db().prisma;
    // A pupil of her own (the others' conventions are out for signature in earlier tests).
    const account = await makeUser(p, { login: 'eleve.malin' });
    const pupil = await p.pupil.create({
      data: {
        userId: account.id,
        establishmentId: college.est.id,
        classRoomId: college.room.id,
        schoolYear: 2026,
        level: '3e',
        firstName: 'Inès',
        lastName: 'Malin',
        birthDate: new Date(Date.UTC(2012, 5, 1)),
      },
    });
    const stage = await makeStage(p, demo, { date: D, start: 840, end: 900 });
    await p.enrolment.create({ data: { stageId: stage.id, pupilId: pupil.id, establishmentId: college.est.id, enrolledById: college.principal.id } });
    const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    const self = { userId: account.id, pupilId: pupil.id };
    // The pupil names themself as guardian 1.
    await updateOwnGuardians(self, { guardians: [{ lastName: 'Papa', firstName: 'Jean', email: 'eleve.malin+papa@example.fr', phone: '' }] });
    const state = (await conventionState(e.id, ORIGINS))!;
    expect(state.missingForSigning.map((m) => m.what)).toEqual([
      'L’adresse email de Jean Papa (responsable légal), saisie par l’élève : à confirmer par le collège en enregistrant ses responsables légaux',
    ]);
    actAs(demo.admin.id, demo.host);
    const refused = await sendForSignatureAction({ enrolmentId: e.id });
    expect(refused.ok).toBe(false);
    // The collège saves the pupil's guardians (its own, checked): the link goes out.
    const principal = await p.membership.findFirstOrThrow({ where: { userId: college.principal.id } });
    await updateGuardians({ establishmentId: college.est.id, actorId: college.principal.id, membershipId: principal.id, wholeCollege: true } as never, {
      pupilId: pupil.id,
      guardians: [{ lastName: 'Morel', firstName: 'Anne', email: 'anne.morel@example.fr', phone: '' }],
    });
    const since = await outboxMark();
    expect((await sendForSignatureAction({ enrolmentId: e.id })).ok).toBe(true);
    expect((await links(since)).map((l) => l.to)).toContain('anne.morel@example.fr');
    // Out for signature: the pupil may no longer replace them.
    await expect(updateOwnGuardians(self, { guardians: [{ lastName: 'Papa', firstName: 'Jean', email: 'eleve.malin+papa@example.fr', phone: '' }] })).rejects.toThrow(
      /en cours de signature/,
    );
    expect((await p.guardian.findFirstOrThrow({ where: { pupilId: pupil.id, rank: 1 } })).email).toBe('anne.morel@example.fr');
  }, 60_000);

  it('a link whose addressee no longer signs for the party (a principal who left) is refused and stopped', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D, start: 600, end: 660 });
    await enrol(p, stage.id, college, [1]);
    const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    const since = await outboxMark();
    actAs(demo.admin.id, demo.host);
    expect((await sendForSignatureAction({ enrolmentId: e.id })).ok).toBe(true);
    const home = (await links(since)).find((l) => l.to === 'ce.0350033w@ac-rennes.fr')!;
    const m = await p.membership.findFirstOrThrow({ where: { userId: college.principal.id } });
    await p.membership.update({ where: { id: m.id }, data: { status: 'REVOKED' } });
    try {
      const res = await sign(home.token, 'Ex principale');
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/ne signe plus pour cette partie/);
      expect(await p.signature.count({ where: { convention: { enrolmentId: e.id } } })).toBe(0);
    } finally {
      await p.membership.update({ where: { id: m.id }, data: { status: 'ACTIVE' } });
    }
    // Stopped for good: even back in office, that link is spent (a new one is sent with « Renvoyer les liens »).
    expect((await sign(home.token, 'Ex principale')).ok).toBe(false);
  }, 60_000);

  it('« Convention reçue » is refused for a convention that cannot be printed complete; a malformed id is a French error', async () => {
    const p = db().prisma;
    const stage = await makeStage(p, demo, { date: D, start: 700, end: 760 });
    await enrol(p, stage.id, college, [2]);
    const e = await p.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    await p.guardian.deleteMany({ where: { pupilId: college.pupils[2].id } });
    actAs(demo.admin.id, demo.host);
    const res = await markReceivedAction({ enrolmentId: e.id });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/il manque au moins un responsable légal/);
    for (const bad of ['x\u0000y', 'a'.repeat(41), '../etc']) {
      const r = await sendForSignatureAction({ enrolmentId: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
  }, 60_000);
});
