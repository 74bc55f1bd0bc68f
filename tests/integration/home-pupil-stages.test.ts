// « Mes stages » (lib/enrolments/home.ts pupilStages, app/(portail)/mes-stages): the pupil's own
// enrolments and nobody else's, upcoming first then past, each with what the convocation says
// (when, where, map, whom to ask, what to bring), the waiting-list position and the convention's
// state with its PDF once signed. On the real database, at a fixed clock (NOW, Monday 23 November 2026).
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import { isValidElement } from 'react';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makePupil, makeTeam, type Team } from '../factories/college';
import { daysFromNow, makeSite, makeStage, NOW, type TestSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { loadActor } from '@/lib/core/actor';
import { AccessDenied } from '@/components/ui/AccessDenied';
import { pupilStages, type PupilStage } from '@/lib/enrolments/home';
import { conventionAccess } from '@/lib/conventions/access';
import MyStagesPage from '@/app/(portail)/mes-stages/page';

const db = useTestDb();
const PORTAL = 'http://localhost:3000';
let demo: TestSite;
let team: Team;
let classmate: string;
let stranger: string;
const ids: Record<string, string> = {};

let conventionSeq = 0;
async function convention(enrolmentId: string, siteId: string, status: 'DRAFT' | 'READY' | 'PARTIAL' | 'SIGNED') {
  const n = ++conventionSeq;
  // A sent version has its frozen hashes (a CHECK constraint of the migration).
  const sent = status === 'DRAFT' ? {} : { version: 1, snapshotHash: `snapshot-${n}`, pdfSha256: `pdf-${n}` };
  await db().prisma.convention.create({ data: { enrolmentId, siteId, number: `2026-DEMO-00000${n}`, verifyCode: `CODE-HOME-${n}`, status, ...sent } });
}

async function enrolment(stageId: string, pupilId: string, status: 'CONFIRMED' | 'WAITING' | 'CANCELLED', createdAt: Date, extra: { attendance?: 'PRESENT' } = {}) {
  const e = await db().prisma.enrolment.create({
    data: { stageId, pupilId, establishmentId: team.establishmentId, enrolledById: team.members.PRINCIPAL.user.id, status, createdAt, ...extra },
  });
  return e.id;
}

beforeAll(async () => {
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V', name: 'Lycée des métiers Démo' });
  await p.establishment.update({
    where: { id: demo.lycee.id },
    data: { name: 'Lycée Louis Guilloux', address1: '76 avenue des Buttes de Coësmes', postalCode: '35700', city: 'Rennes' },
  });
  await p.site.update({ where: { id: demo.site.id }, data: { convocationNote: 'Chaussures de sécurité et carnet de correspondance.' } });
  await p.contact.create({ data: { siteId: demo.site.id, name: 'Claire Martin', role: 'DDFPT', phone: '02 99 00 00 00', position: 1 } });
  team = await makeTeam(p, { name: 'Collège les Ormeaux' });
  classmate = (await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classA.id, withAccount: false })).pupil.id;
  stranger = (await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classB.id, withAccount: false })).pupil.id;
  const me = team.pupil.id;
  const t = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

  // Wednesday 2 December, 9 h – 12 h, in room B12: confirmed, convention signed. The classmate is there too.
  const signedStage = await makeStage(p, demo, { date: daysFromNow(9), scheduleDetail: 'Matin : atelier' });
  await p.stage.update({ where: { id: signedStage.id }, data: { place: 'Atelier B12' } });
  ids.signed = await enrolment(signedStage.id, me, 'CONFIRMED', t(100));
  await convention(ids.signed, demo.site.id, 'SIGNED');
  ids.classmate = await enrolment(signedStage.id, classmate, 'CONFIRMED', t(99));
  await convention(ids.classmate, demo.site.id, 'SIGNED');
  // Thursday 26 November, 13 h 30 – 16 h 30: confirmed, convention sent (not signed).
  const soon = await makeStage(p, demo, { date: daysFromNow(3), formation: 'cuisine', start: 810, end: 990 });
  ids.soon = await enrolment(soon.id, me, 'CONFIRMED', t(90));
  await convention(ids.soon, demo.site.id, 'READY');
  // Tuesday 8 December, full: two pupils waiting, the classmate first — our pupil is second in line.
  const full = await makeStage(p, demo, { date: daysFromNow(15), capacity: 1, enrolled: 1 });
  await enrolment(full.id, stranger, 'CONFIRMED', t(80));
  await enrolment(full.id, classmate, 'WAITING', t(70));
  ids.waiting = await enrolment(full.id, me, 'WAITING', t(60));
  // Friday 27 November, cancelled by the lycée: shown, so that nobody comes for nothing.
  const cancelled = await makeStage(p, demo, { date: daysFromNow(4), status: 'CANCELLED' });
  ids.cancelled = await enrolment(cancelled.id, me, 'CANCELLED', t(50));
  // Thursday 3 December: cancelled, then enrolled again — one line only.
  const again = await makeStage(p, demo, { date: daysFromNow(10) });
  await enrolment(again.id, me, 'CANCELLED', t(45));
  ids.again = await enrolment(again.id, me, 'CONFIRMED', t(40));
  // Friday 13 November, attended: past, with its attestation.
  const past = await makeStage(p, demo, { date: daysFromNow(-10) });
  ids.past = await enrolment(past.id, me, 'CONFIRMED', t(30), { attendance: 'PRESENT' });
  await convention(ids.past, demo.site.id, 'SIGNED');
  // Past and never had a seat, or cancelled: not shown.
  const pastFull = await makeStage(p, demo, { date: daysFromNow(-3) });
  ids.pastWaiting = await enrolment(pastFull.id, me, 'WAITING', t(20));
  ids.pastCancelled = await enrolment((await makeStage(p, demo, { date: daysFromNow(-4) })).id, me, 'CANCELLED', t(10));
});
afterAll(() => setNow(null));

const byId = (list: PupilStage[], id: string) => list.find((s) => s.id === id)!;

describe('the pupil’s stages', () => {
  it('lists the pupil’s own enrolments only: upcoming soonest first, then past latest first', async () => {
    const { upcoming, past } = await pupilStages(team.pupil.id, { portal: PORTAL });
    expect(upcoming.map((s) => s.id)).toEqual([ids.soon, ids.cancelled, ids.signed, ids.again, ids.waiting]);
    expect(past.map((s) => s.id)).toEqual([ids.past]);
    expect([...upcoming, ...past].map((s) => s.id)).not.toContain(ids.classmate);
  });

  it('another pupil sees theirs, never ours', async () => {
    const { upcoming, past } = await pupilStages(classmate, { portal: PORTAL });
    expect(upcoming.map((s) => s.id)).toEqual([ids.classmate, expect.any(String)]);
    expect([...upcoming, ...past].map((s) => s.id).some((id) => Object.entries(ids).some(([k, v]) => k !== 'classmate' && v === id))).toBe(false);
    expect(upcoming[1].waitingRank).toBe(1);
  });

  it('says what the convocation says: when, where, the map, whom to ask, what to bring', async () => {
    const s = byId((await pupilStages(team.pupil.id, { portal: PORTAL })).upcoming, ids.signed);
    expect(s).toMatchObject({
      status: 'CONFIRMED',
      statusLabel: 'Inscrit',
      date: '2026-12-02',
      startMinutes: 540,
      endMinutes: 720,
      stageType: 'Mini-stage',
      scheduleDetail: 'Matin : atelier',
      formation: "Bac pro Métiers de l'électricité demo",
      platform: 'Lycée des métiers Démo',
      placeLines: ['Lycée Louis Guilloux', '76 avenue des Buttes de Coësmes', '35700 Rennes', 'Atelier B12'],
      mapUrl: `https://www.openstreetmap.org/search?query=${encodeURIComponent('76 avenue des Buttes de Coësmes, 35700 Rennes')}`,
      askFor: ['Paul Durand-demo, enseignant(e) responsable du stage', 'Claire Martin, DDFPT — 02 99 00 00 00'],
      toBring: 'Chaussures de sécurité et carnet de correspondance.',
      waitingRank: null,
    });
    expect(s.stageUrl).toMatch(/^http:\/\/demo\.localhost:3000\/stages\/[A-Za-z0-9_-]+$/);
  });

  it('gives the convention’s state and its PDF once signed (a path of the portal)', async () => {
    const { upcoming, past } = await pupilStages(team.pupil.id, { portal: PORTAL });
    expect(byId(upcoming, ids.signed).convention).toMatchObject({ status: 'SIGNED', label: 'Signée', pdfUrl: `/api/conventions/${ids.signed}` });
    expect(byId(upcoming, ids.soon).convention).toMatchObject({
      status: 'READY',
      label: 'Envoyée pour signature',
      pdfUrl: null,
      note: expect.stringContaining('à remettre au lycée avant le stage'),
    });
    expect(byId(upcoming, ids.again).convention).toMatchObject({ status: 'DRAFT', label: 'Non envoyée', pdfUrl: null });
    expect(byId(upcoming, ids.waiting).convention).toBeNull();
    expect(byId(past, ids.past)).toMatchObject({ attendance: 'PRESENT', attestationUrl: `/api/conventions/${ids.past}?document=attestation` });
  });

  it('gives the waiting-list position over the whole stage, and marks a cancelled stage', async () => {
    const { upcoming } = await pupilStages(team.pupil.id, { portal: PORTAL });
    expect(byId(upcoming, ids.waiting)).toMatchObject({ status: 'WAITING', statusLabel: 'Liste d’attente', waitingRank: 2 });
    expect(byId(upcoming, ids.cancelled)).toMatchObject({ status: 'CANCELLED', statusLabel: 'Stage annulé', stageCancelled: true, convention: null });
  });

  it('the PDF link it gives is one the pupil may open on the portal (lib/conventions/access.ts), and not the classmate’s', async () => {
    const actor = await loadActor({ userId: team.pupilUser.id, host: 'localhost' });
    expect(await conventionAccess(actor, ids.signed)).toMatchObject({ enrolmentId: ids.signed, side: 'élève', mayManage: false });
    expect(await conventionAccess(actor, ids.classmate)).toBeNull();
  });
});

describe('the « Mes stages » page', () => {
  async function open(userId: string | null) {
    actAs(userId);
    try {
      const tree = await MyStagesPage();
      if (isValidElement(tree) && tree.type === AccessDenied) return { kind: 'DENIED', what: (tree.props as { what: string }).what };
      return { kind: 'PAGE' };
    } catch (e) {
      const to = /^NEXT_REDIRECT;[^;]*;([^;]+);/.exec(String((e as { digest?: string }).digest ?? ''))?.[1];
      if (to) return { kind: 'SIGN_IN', to };
      throw e;
    }
  }

  it('sends nobody to sign in, coming back to it', async () => {
    expect(await open(null)).toEqual({ kind: 'SIGN_IN', to: '/connexion?callbackUrl=%2Fmes-stages' });
  });

  it('is the pupils’: the staff get « Accès réservé »', async () => {
    expect(await open(team.pupilUser.id)).toEqual({ kind: 'PAGE' });
    for (const user of [team.members.PRINCIPAL.user.id, team.members.MAIN_TEACHER.user.id, demo.admin.id]) {
      expect(await open(user)).toEqual({ kind: 'DENIED', what: 'aux élèves' });
    }
  });
});
