// « Données de l'élève » (issue 14, minors' data): the export of everything held about one pupil — the
// JSON download and the printable page — and its erasure on request, for the head of the collège only;
// another collège's pupil is not found; a sibling sharing a guardian's address keeps their data; a
// signed convention keeps its number, dates and hashes (still verifiable), not its content.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import { isValidElement, type ReactElement } from 'react';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { MATRIX_ROLES, makePupil, makeTeam, matrixActors, type MatrixRole, type Team } from '../factories/college';
import { makeSite, makeStage, type TestSite } from '../factories/sites';
import { addDays } from '@/lib/stages/time';
import { setNow } from '@/lib/core/clock';
import { parisDay } from '@/lib/core/format';
import { GET } from '@/app/api/eleves/[id]/donnees/route';
import PupilDataPage from '@/app/(portail)/etablissement/eleves/[id]/donnees/page';
import PupilPage from '@/app/(portail)/etablissement/eleves/[id]/page';
import { AccessDenied } from '@/components/ui/AccessDenied';
import { ButtonLink } from '@/components/ui/Button';
import { PupilDataView } from '@/components/classes/PupilDataView';
import { PupilDataEraseForm } from '@/components/classes/PupilDataEraseForm';
import { erasePupilAction } from '@/lib/pupils/actions';
import { ERASED_SIGNER, confirmsPupil, type PupilDataExport } from '@/lib/classes/pupil-data';
import { verifyConvention } from '@/lib/conventions/service';

const db = useTestDb();
const NOW = new Date('2026-12-02T09:00:00+01:00');
const TODAY = parisDay(NOW);

let team: Team;
let other: Team;
let site: TestSite;
let actors: Record<MatrixRole, string | null>;
let pupilId: string;
let pupilUserId: string;
let siblingId: string;
let futureEnrolmentId: string;
const ids = {} as Record<'signed' | 'partial' | 'openLink' | 'usedLink' | 'staffLink', string>;
const mails = {} as Record<'guardian' | 'sibling' | 'staff' | 'own' | 'unrelated' | 'sharedAboutPupil', string>;
const SEALED_SHA = 'a'.repeat(64);
const PDF_SHA = 'b'.repeat(64);

const SHARED = 'famille.girard@exemple.fr';

beforeAll(async () => {
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  team = await makeTeam(p, { name: 'Collège les Ormeaux' });
  other = await makeTeam(p, { name: 'Collège Françoise Dolto' });
  actors = await matrixActors(p, team, other);
  site = await makeSite(p, { slug: 'donnees', uai: '0350032V' });
  // The pupil: team.pupil (3e A, the PP's class), with an account email, two guardians; a sibling in
  // 3e B whose first guardian shares the address of the pupil's first guardian.
  pupilId = team.pupil.id;
  pupilUserId = team.pupilUser.id;
  await p.user.update({ where: { id: pupilUserId }, data: { email: 'lina.girard@exemple.fr' } });
  await p.pupil.update({ where: { id: pupilId }, data: { firstName: 'Lina', lastName: 'Girard' } });
  await p.guardian.createMany({
    data: [
      { pupilId, rank: 1, lastName: 'Girard', firstName: 'Anne', email: SHARED, phone: '0600000001' },
      { pupilId, rank: 2, lastName: 'Girard', firstName: 'Marc', email: 'marc.girard@exemple.fr' },
    ],
  });
  const sibling = await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classB.id, firstName: 'Hugo' });
  siblingId = sibling.pupil.id;
  await p.pupil.update({ where: { id: siblingId }, data: { lastName: 'Girard' } });
  await p.guardian.create({ data: { pupilId: siblingId, rank: 1, lastName: 'Girard', firstName: 'Anne', email: SHARED } });

  // Two past stages (a signed convention, a partly signed one) and one to come.
  const past1 = await makeStage(p, site, { date: addDays(TODAY, -20) });
  const past2 = await makeStage(p, site, { date: addDays(TODAY, -10), formation: 'cuisine' });
  const future = await makeStage(p, site, { date: addDays(TODAY, 12) });
  const enrol = (stageId: string) => p.enrolment.create({ data: { stageId, pupilId, establishmentId: team.establishmentId, enrolledById: actors.PRINCIPAL } });
  const e1 = await enrol(past1.id);
  const e2 = await enrol(past2.id);
  futureEnrolmentId = (await enrol(future.id)).id;
  await p.enrolment.update({ where: { id: e1.id }, data: { attendance: 'PRESENT', attendanceAt: addDaysDate(NOW, -20) } });
  const snapshot = { pupil: { name: 'Lina GIRARD', birthDate: '14 mars 2012' }, guardians: ['Anne Girard', 'Marc Girard'] };
  const signed = await p.convention.create({
    data: {
      enrolmentId: e1.id,
      siteId: site.site.id,
      number: '2026-DONNEES-000001',
      verifyCode: 'AAAA-BBBB-CCC1',
      status: 'SIGNED',
      version: 1,
      snapshot,
      snapshotHash: 'c'.repeat(64),
      pdf: new Uint8Array(Buffer.from('%PDF-1.7 version signée')),
      pdfSha256: PDF_SHA,
      sealedPdf: new Uint8Array(Buffer.from('%PDF-1.7 scellée')),
      sealedSha256: SEALED_SHA,
      sentAt: addDaysDate(NOW, -30),
      signedAt: addDaysDate(NOW, -25),
    },
  });
  ids.signed = signed.id;
  const sig = (conventionId: string, party: 'HOME_SCHOOL' | 'HOST' | 'GUARDIAN_1' | 'GUARDIAN_2', signerName: string, signerEmail: string) =>
    p.signature.create({
      data: { conventionId, version: 1, party, signerName, signerEmail, ip: `203.0.113.${party.length}`, userAgent: `Navigateur ${party}`, pdfSha256: PDF_SHA },
    });
  await sig(signed.id, 'HOME_SCHOOL', 'Claire Dupuis', 'ce.ormeaux@ac-rennes.fr');
  await sig(signed.id, 'HOST', 'Paul Proviseur', 'proviseur@ac-rennes.fr');
  await sig(signed.id, 'GUARDIAN_1', 'Anne Girard', SHARED);
  await sig(signed.id, 'GUARDIAN_2', 'Marc Girard', 'marc.girard@exemple.fr');
  const link = (conventionId: string, party: 'HOST' | 'GUARDIAN_1', recipient: string, used: boolean) =>
    p.emailLink.create({
      data: {
        purpose: 'CONVENTION_SIGNATURE',
        tokenHash: `${conventionId}-${party}-${used}`,
        expiresAt: addDaysDate(NOW, 20),
        usedAt: used ? addDaysDate(NOW, -25) : null,
        siteId: site.site.id,
        conventionId,
        party,
        version: 1,
        recipient,
      },
    });
  ids.usedLink = (await link(signed.id, 'GUARDIAN_1', SHARED, true)).id;
  const partial = await p.convention.create({
    data: {
      enrolmentId: e2.id,
      siteId: site.site.id,
      number: '2026-DONNEES-000002',
      verifyCode: 'AAAA-BBBB-CCC2',
      status: 'PARTIAL',
      version: 1,
      snapshot,
      snapshotHash: 'd'.repeat(64),
      pdf: new Uint8Array(Buffer.from('%PDF-1.7 à signer')),
      pdfSha256: 'e'.repeat(64),
      sentAt: addDaysDate(NOW, -15),
    },
  });
  ids.partial = partial.id;
  await sig(partial.id, 'GUARDIAN_1', 'Anne Girard', SHARED);
  ids.openLink = (await link(partial.id, 'GUARDIAN_1', SHARED, false)).id;
  ids.staffLink = (await link(partial.id, 'HOST', 'proviseur@ac-rennes.fr', false)).id;

  // The outbox: to a guardian naming the pupil; to the shared address naming the sibling (not ours);
  // to the shared address about one of the pupil's conventions; to the lycée with the pupil's
  // convention number; to the pupil's own address; to someone else.
  const mail = async (to: string, subject: string, text: string) =>
    (await p.outboxEmail.create({ data: { template: 'notice', to, subject, html: `<p>${text}</p>`, text, status: 'SENT', sentAt: addDaysDate(NOW, -2) } })).id;
  mails.guardian = await mail('marc.girard@exemple.fr', 'Convocation au mini-stage : Cuisine, 22 novembre', 'Lina GIRARD est attendue au lycée à 9 h.');
  mails.sibling = await mail(SHARED, 'Convocation au mini-stage : Électricité, 15 décembre', 'Hugo GIRARD est attendu au lycée à 9 h.');
  mails.sharedAboutPupil = await mail(SHARED, 'Convention de mini-stage à signer : n° 2026-DONNEES-000002', 'Signez la convention de votre enfant.');
  mails.staff = await mail('proviseur@ac-rennes.fr', 'Convention signée : n° 2026-DONNEES-000001', 'La convention est signée par toutes les parties.');
  mails.own = await mail('lina.girard@exemple.fr', 'Votre compte n’est plus rattaché', 'Bonjour.');
  mails.unrelated = await mail('quelquun@exemple.fr', 'Convocation au mini-stage : Électricité', 'Inès CORNEC est attendue.');

  // The audit trail: entries about the pupil, their enrolment, their convention — and the sibling's.
  await p.auditEntry.createMany({
    data: [
      {
        action: 'pupil.move',
        actorId: actors.PRINCIPAL,
        establishmentId: team.establishmentId,
        targetType: 'Pupil',
        targetId: pupilId,
        data: { from: null, to: { id: team.classA.id, name: '3e A' } },
      },
      {
        action: 'pupil.join',
        actorId: pupilUserId,
        establishmentId: team.establishmentId,
        targetType: 'Pupil',
        targetId: pupilId,
        data: { to: { id: team.classA.id, name: '3e A' } },
      },
      { action: 'enrolment.create', actorId: actors.PRINCIPAL, establishmentId: team.establishmentId, targetType: 'Enrolment', targetId: e1.id, data: { pupilId } },
      {
        action: 'convention.sign',
        siteId: site.site.id,
        targetType: 'Convention',
        targetId: signed.id,
        data: { number: signed.number, party: 'GUARDIAN_1', signerName: 'Anne Girard', signerEmail: SHARED, ip: '203.0.113.10', userAgent: 'Navigateur' },
      },
      {
        action: 'pupil.move',
        actorId: actors.PRINCIPAL,
        establishmentId: team.establishmentId,
        targetType: 'Pupil',
        targetId: siblingId,
        data: { to: { id: team.classB.id, name: '3e B' } },
      },
    ],
  });
});

afterAll(() => setNow(null));

function addDaysDate(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

const download = async (who: string | null, id = pupilId) => {
  actAs(who);
  return GET(new Request(`http://localhost/api/eleves/${id}/donnees`), { params: Promise.resolve({ id }) });
};

// ── the returned tree of a page (as tests/integration/pupils-pages-by-role.test.ts reads it) ──
function* nodes(node: unknown, seen = new WeakSet<object>()): Generator<unknown> {
  if (node === null || typeof node !== 'object' || seen.has(node)) return void (yield node);
  seen.add(node);
  yield node;
  if (Array.isArray(node)) for (const n of node) yield* nodes(n, seen);
  else if (isValidElement(node)) yield* nodes((node as ReactElement<Record<string, unknown>>).props, seen);
  else for (const v of Object.values(node)) yield* nodes(v, seen);
}
const elements = (tree: unknown, type: unknown) => [...nodes(tree)].filter((n): n is ReactElement<Record<string, unknown>> => isValidElement(n) && n.type === type);
async function page(run: () => Promise<unknown>): Promise<{ kind: 'TREE'; tree: unknown } | { kind: 'NOT_FOUND' | 'SIGN_IN' }> {
  try {
    return { kind: 'TREE', tree: await run() };
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { kind: 'NOT_FOUND' };
    if (digest.startsWith('NEXT_REDIRECT') && digest.includes('/connexion')) return { kind: 'SIGN_IN' };
    throw e;
  }
}

/** Who may: the principal and the deputies of the pupil's collège (`pupils:data`); the other collège's principal does not find the pupil. */
const HEADS = ['PRINCIPAL', 'DEPUTY'];
function expected(role: MatrixRole): 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' {
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (role === 'OTHER_STAFF') return 'NOT_FOUND';
  return HEADS.includes(role) ? 'OK' : 'FORBIDDEN';
}
const STATUS = { OK: 200, FORBIDDEN: 403, NOT_FOUND: 404, UNAUTHENTICATED: 401 } as const;

describe('who may export or erase a pupil’s data', () => {
  it.each(MATRIX_ROLES.map((r) => [r, expected(r)] as const))('%s → %s (the JSON download)', async (role, want) => {
    const res = await download(actors[role]);
    expect(res.status).toBe(STATUS[want]);
    if (want === 'OK') expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="donnees-eleve-/);
    else expect(await res.text()).not.toContain('Girard');
  });

  it.each(MATRIX_ROLES.map((r) => [r, expected(r)] as const))('%s → %s (the erasure; a wrong confirmation stops an allowed one)', async (role, want) => {
    actAs(actors[role]);
    const res = await erasePupilAction({ pupilId, confirmation: 'pas le bon nom' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe(want === 'OK' ? 'VALIDATION' : want);
    if (!res.ok && want === 'OK') expect(res.error.fieldErrors?.confirmation?.[0]).toMatch(/tapez le nom et le prénom/);
    expect(await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupilId } })).toMatchObject({ anonymisedAt: null, lastName: 'Girard' });
  });

  it('the page: the view and the erasure form for the principal, « Accès réservé » for a professeur principal, a 404 for another collège', async () => {
    actAs(actors.PRINCIPAL);
    const mine = await page(() => PupilDataPage({ params: Promise.resolve({ id: pupilId }) }));
    expect(mine.kind).toBe('TREE');
    if (mine.kind === 'TREE') {
      expect(elements(mine.tree, PupilDataView)).toHaveLength(1);
      expect(elements(mine.tree, PupilDataEraseForm)[0].props).toMatchObject({ pupilId, name: 'GIRARD Lina' });
    }
    actAs(actors.MAIN_TEACHER);
    const pp = await page(() => PupilDataPage({ params: Promise.resolve({ id: pupilId }) }));
    expect(pp.kind === 'TREE' && isValidElement(pp.tree) && pp.tree.type === AccessDenied).toBe(true);
    actAs(actors.OTHER_STAFF);
    expect((await page(() => PupilDataPage({ params: Promise.resolve({ id: pupilId }) }))).kind).toBe('NOT_FOUND');
    actAs(actors.PRINCIPAL);
    expect((await page(() => PupilDataPage({ params: Promise.resolve({ id: other.pupil.id }) }))).kind).toBe('NOT_FOUND');
    actAs(null);
    expect((await page(() => PupilDataPage({ params: Promise.resolve({ id: pupilId }) }))).kind).toBe('SIGN_IN');
  });

  it('the pupil’s page links to it for the heads only', async () => {
    const links = async (role: MatrixRole) => {
      actAs(actors[role]);
      const res = await page(() => PupilPage({ params: Promise.resolve({ id: pupilId }) }));
      return res.kind === 'TREE' ? elements(res.tree, ButtonLink).filter((b) => b.props.href === `/etablissement/eleves/${pupilId}/donnees`).length : -1;
    };
    expect(await links('PRINCIPAL')).toBe(1);
    expect(await links('DEPUTY')).toBe(1);
    expect(await links('SECRETARY')).toBe(0);
    expect(await links('MAIN_TEACHER')).toBe(0);
  });
});

describe('the export', () => {
  let data: PupilDataExport;
  beforeAll(async () => {
    data = (await (await download(actors.PRINCIPAL)).json()) as PupilDataExport;
  });

  it('holds the pupil, their account, class and guardians', () => {
    expect(data.format).toBe('ministage/donnees-eleve/1');
    expect(data.pupil).toMatchObject({ id: pupilId, firstName: 'Lina', lastName: 'Girard', birthDate: '2012-03-14', level: '3e' });
    expect(data.establishment).toMatchObject({ id: team.establishmentId, name: 'Collège les Ormeaux' });
    expect(data.classRoom).toMatchObject({ id: team.classA.id, name: '3e A' });
    expect(data.account).toMatchObject({ id: pupilUserId, email: 'lina.girard@exemple.fr' });
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|scrypt/);
    expect(data.guardians.map((g) => [g.rank, g.firstName, g.email])).toEqual([
      [1, 'Anne', SHARED],
      [2, 'Marc', 'marc.girard@exemple.fr'],
    ]);
  });

  it('holds their enrolments with their stages, attendance and conventions with their signatures', () => {
    expect(data.enrolments).toHaveLength(3);
    expect(data.enrolments[0]).toMatchObject({ attendance: 'PRESENT', conventionId: ids.signed, stage: { lycee: 'Lycée donnees', date: addDays(TODAY, -20) } });
    const signed = data.conventions.find((c) => c.id === ids.signed)!;
    expect(signed).toMatchObject({ number: '2026-DONNEES-000001', status: 'SIGNED', pdf: { sha256: PDF_SHA }, sealedPdf: { sha256: SEALED_SHA } });
    expect(signed.snapshot).toMatchObject({ pupil: { name: 'Lina GIRARD' } });
    const byParty = Object.fromEntries(signed.signatures.map((s) => [s.party, s]));
    // A guardian's signature in full; an institution's without its signer's address, IP and browser.
    expect(byParty.GUARDIAN_1).toMatchObject({ signerName: 'Anne Girard', signerEmail: SHARED, ip: '203.0.113.10', userAgent: 'Navigateur GUARDIAN_1' });
    expect(byParty.HOST).toMatchObject({ signerName: 'Paul Proviseur', signerEmail: null, ip: null, userAgent: null });
  });

  it('holds the signature links sent to the guardians, not those sent to the lycée', () => {
    expect(data.emailLinks.map((l) => l.id).sort()).toEqual([ids.openLink, ids.usedLink].sort());
    expect(data.emailLinks.every((l) => l.recipient === SHARED)).toBe(true);
  });

  it('holds the emails to the pupil and to their guardians about them — not the sibling’s, not the lycée’s', () => {
    expect(data.outboxEmails.map((e) => e.id).sort()).toEqual([mails.guardian, mails.own, mails.sharedAboutPupil].sort());
    expect(JSON.stringify(data)).not.toContain('Hugo');
    expect(JSON.stringify(data)).not.toContain(siblingId);
  });

  it('holds the audit entries about them (without a signer’s name or IP), recorded itself as « pupil.export », ids only', async () => {
    const actions = data.auditEntries.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['pupil.move', 'pupil.join', 'enrolment.create', 'convention.sign', 'pupil.export']));
    expect(data.auditEntries.find((a) => a.action === 'pupil.join')!.by).toBe('élève');
    const sign = data.auditEntries.find((a) => a.action === 'convention.sign')!;
    expect(sign.data).toEqual({ number: '2026-DONNEES-000001', party: 'GUARDIAN_1' });
    expect(data.auditEntries.some((a) => a.targetId === siblingId)).toBe(false);
    const exports = await db().prisma.auditEntry.findMany({ where: { action: 'pupil.export', targetId: pupilId } });
    expect(exports.length).toBeGreaterThanOrEqual(1);
    for (const e of exports) {
      expect(e).toMatchObject({ targetType: 'Pupil', establishmentId: team.establishmentId });
      expect(JSON.stringify(e.data)).not.toMatch(/Lina|Girard/);
    }
    expect(exports.map((e) => e.actorId)).toContain(actors.PRINCIPAL);
  });
});

describe('the erasure', () => {
  it('the confirmation is the pupil’s name as shown, in any case or accent, either order', () => {
    expect(confirmsPupil('GIRARD Lina', { firstName: 'Lina', lastName: 'Girard' })).toBe(true);
    expect(confirmsPupil('  lina   girard ', { firstName: 'Lina', lastName: 'Girard' })).toBe(true);
    expect(confirmsPupil('CORNEC Ines', { firstName: 'Inès', lastName: 'Cornec' })).toBe(true);
    expect(confirmsPupil('Girard', { firstName: 'Lina', lastName: 'Girard' })).toBe(false);
    expect(confirmsPupil('GIRARD Hugo', { firstName: 'Lina', lastName: 'Girard' })).toBe(false);
  });

  it('is refused while the pupil is enrolled in a stage to come, and changes nothing', async () => {
    actAs(actors.PRINCIPAL);
    const res = await erasePupilAction({ pupilId, confirmation: 'GIRARD Lina' });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/inscrit à un mini-stage à venir/) } });
    expect(await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupilId } })).toMatchObject({ anonymisedAt: null, firstName: 'Lina' });
    expect(await db().prisma.outboxEmail.count({ where: { id: { in: Object.values(mails) } } })).toBe(6);
    expect(await db().prisma.auditEntry.count({ where: { action: 'pupil.erase' } })).toBe(0);
  });

  it('anonymises the pupil once the enrolment to come is cancelled', async () => {
    await db().prisma.enrolment.update({ where: { id: futureEnrolmentId }, data: { status: 'CANCELLED', cancelledAt: NOW } });
    actAs(actors.DEPUTY);
    const res = await erasePupilAction({ pupilId, confirmation: 'girard lina' });
    expect(res).toMatchObject({ ok: true, data: { id: pupilId, guardians: 2, accounts: 1, conventions: 2, links: 3, emails: 4 } });
    const p = db().prisma;
    expect(await p.pupil.findUniqueOrThrow({ where: { id: pupilId } })).toMatchObject({
      firstName: null,
      lastName: null,
      birthDate: null,
      classRoomId: null,
      userId: null,
      anonymisedAt: NOW,
      establishmentId: team.establishmentId,
      level: '3e',
    });
    expect(await p.guardian.count({ where: { pupilId } })).toBe(0);
    expect(await p.user.count({ where: { id: pupilUserId } })).toBe(0);
    expect(await p.enrolment.count({ where: { pupilId } })).toBe(3); // kept for statistics
  });

  it('a signed convention keeps its number, status, dates and hashes — not its content, PDFs or the family’s signatures', async () => {
    const p = db().prisma;
    const c = await p.convention.findUniqueOrThrow({ where: { id: ids.signed }, include: { signatures: true } });
    expect(c).toMatchObject({
      status: 'SIGNED',
      number: '2026-DONNEES-000001',
      version: 1,
      pdfSha256: PDF_SHA,
      sealedSha256: SEALED_SHA,
      snapshot: null,
      pdf: null,
      sealedPdf: null,
    });
    expect(c.signedAt).toEqual(addDaysDate(NOW, -25));
    const byParty = Object.fromEntries(c.signatures.map((s) => [s.party, s]));
    expect(byParty.GUARDIAN_1).toMatchObject({ signerName: ERASED_SIGNER, signerEmail: null, ip: null, userAgent: null, pdfSha256: PDF_SHA });
    expect(byParty.GUARDIAN_2).toMatchObject({ signerName: ERASED_SIGNER, signerEmail: null });
    expect(byParty.HOST).toMatchObject({ signerName: 'Paul Proviseur', signerEmail: null, ip: null, userAgent: null });
    // The lycée's own signed copy is still recognised by its fingerprint.
    const check = await verifyConvention({ siteId: site.site.id, sha256: SEALED_SHA });
    expect(check).toMatchObject({ found: true, genuine: true, number: '2026-DONNEES-000001' });
    expect(JSON.stringify(check)).not.toMatch(/Girard/);
  });

  it('a convention not signed by everyone is cancelled; no signature link is left (each held its recipient)', async () => {
    const p = db().prisma;
    const c = await p.convention.findUniqueOrThrow({ where: { id: ids.partial } });
    expect(c).toMatchObject({ status: 'CANCELLED', cancelledAt: NOW, snapshot: null, pdf: null });
    expect(await p.emailLink.count({ where: { id: { in: [ids.openLink, ids.usedLink, ids.staffLink] } } })).toBe(0);
  });

  it('the outbox emails about the pupil go; the sibling’s and the others stay', async () => {
    const left = await db().prisma.outboxEmail.findMany({ where: { id: { in: Object.values(mails) } }, select: { id: true } });
    expect(left.map((e) => e.id).sort()).toEqual([mails.sibling, mails.unrelated].sort());
  });

  it('the sibling keeps everything', async () => {
    const s = await db().prisma.pupil.findUniqueOrThrow({ where: { id: siblingId }, include: { guardians: true } });
    expect(s).toMatchObject({ firstName: 'Hugo', lastName: 'Girard', anonymisedAt: null, classRoomId: team.classB.id });
    expect(s.guardians.map((g) => g.email)).toEqual([SHARED]);
  });

  it('is recorded as « pupil.erase » with ids and counts only', async () => {
    const entries = await db().prisma.auditEntry.findMany({ where: { action: 'pupil.erase' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: actors.DEPUTY, establishmentId: team.establishmentId, targetType: 'Pupil', targetId: pupilId });
    expect(entries[0].data).toMatchObject({ guardians: 2, accounts: 1, conventions: 2, emails: 4 });
    expect(JSON.stringify(entries[0].data)).not.toMatch(/Lina|Girard|@/);
  });

  it('afterwards the pupil is not found: no export, no second erasure, no page', async () => {
    expect((await download(actors.PRINCIPAL)).status).toBe(404);
    actAs(actors.PRINCIPAL);
    expect(await erasePupilAction({ pupilId, confirmation: 'GIRARD Lina' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await page(() => PupilDataPage({ params: Promise.resolve({ id: pupilId }) }))).kind).toBe('NOT_FOUND');
  });

  it('bad input gets a French message and changes nothing', async () => {
    actAs(actors.PRINCIPAL);
    expect(await erasePupilAction({ pupilId: siblingId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { confirmation: [expect.stringMatching(/Tapez/)] } },
    });
    expect(await erasePupilAction({ pupilId: 'x'.repeat(500), confirmation: 'a' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await erasePupilAction(null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await db().prisma.pupil.findUniqueOrThrow({ where: { id: siblingId } })).toMatchObject({ anonymisedAt: null });
  });
});
