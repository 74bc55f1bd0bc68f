// The portal's home for staff (lib/enrolments/home.ts): a collège member sees their collège's pupils'
// enrolments in short (their reach only: a professeur principal their classes', plus those they
// enrolled; never another collège's), and the active platforms with stages to come open to their
// classes' levels; lycée staff see their platforms; a pending sign-up is said. On the real database,
// at a fixed clock (NOW, Monday 23 November 2026).
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import { isValidElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeClass, makePupil, makeTeam, type Team } from '../factories/college';
import { makeMember } from '../factories/people';
import { daysFromNow, makeSite, makeStage, NOW, setAudience, type TestSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { loadActor } from '@/lib/core/actor';
import { collegeHome, staffPlatforms } from '@/lib/enrolments/home';
import { pendingMembershipsOf } from '@/lib/team/queries';
import PortalHome from '@/app/(portail)/page';

const db = useTestDb();
const PORTAL = 'http://localhost:3000';
let demo: TestSite;
let autre: TestSite;
let closed: TestSite;
let team: Team;
let rival: Team;
const ids: Record<string, string> = {};

const home = async (userId: string) => (await collegeHome(await loadActor({ userId, host: 'localhost' }), { portal: PORTAL }))!;

async function enrolment(
  stage: { id: string },
  pupilId: string,
  t: Team,
  o: { status?: 'CONFIRMED' | 'WAITING' | 'CANCELLED'; by?: string; minutesAgo?: number; signed?: boolean } = {},
) {
  const e = await db().prisma.enrolment.create({
    data: {
      stageId: stage.id,
      pupilId,
      establishmentId: t.establishmentId,
      enrolledById: o.by ?? t.members.PRINCIPAL.user.id,
      status: o.status ?? 'CONFIRMED',
      createdAt: new Date(NOW.getTime() - (o.minutesAgo ?? 0) * 60_000),
    },
  });
  if (o.signed) {
    await db().prisma.convention.create({
      data: {
        enrolmentId: e.id,
        siteId: (await db().prisma.stage.findUniqueOrThrow({ where: { id: stage.id } })).siteId,
        number: `N-${e.id}`,
        verifyCode: `V-${e.id}`,
        status: 'SIGNED',
        receivedAt: NOW,
      },
    });
  }
  return e.id;
}

beforeAll(async () => {
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V', name: 'Lycée des métiers Démo', city: 'Rennes' });
  autre = await makeSite(p, { slug: 'autre', uai: '0350040A', name: 'Lycée la Champagne', city: 'Vitré' });
  closed = await makeSite(p, { slug: 'ferme', uai: '0350041B', name: 'Lycée fermé' });
  await p.site.update({ where: { id: closed.site.id }, data: { active: false } });
  await p.siteDomain.create({ data: { siteId: autre.site.id, host: 'stages.lycee-champagne.fr' } });
  team = await makeTeam(p, { name: 'Collège les Ormeaux' }); // classes 3e A (PP: MAIN_TEACHER) and 3e B, level 3e
  rival = await makeTeam(p, { name: 'Collège Françoise Dolto' });
  const inA = (await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classA.id, withAccount: false })).pupil.id;
  const inB = (await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classB.id, withAccount: false })).pupil.id;
  const inB2 = (await makePupil(p, { establishmentId: team.establishmentId, classRoomId: team.classB.id, withAccount: false })).pupil.id;
  const theirs = (await makePupil(p, { establishmentId: rival.establishmentId, classRoomId: rival.classA.id, withAccount: false })).pupil.id;

  // demo: Saturday 28 November for 3e (2 seats, both taken), Tuesday 8 December for 4e, a cancelled one.
  const for3e = await makeStage(p, demo, { date: daysFromNow(5), capacity: 2, enrolled: 2 });
  const for4e = await makeStage(p, demo, { date: daysFromNow(15) });
  await setAudience(p, for4e.id, ['4e']);
  await makeStage(p, demo, { date: daysFromNow(2), status: 'CANCELLED' });
  // autre: Monday 30 November and Wednesday 2 December, open to every level (no « Public »), seats left.
  const open1 = await makeStage(p, autre, { date: daysFromNow(7), capacity: 1, enrolled: 1 });
  await setAudience(p, open1.id, []);
  const open2 = await makeStage(p, autre, { date: daysFromNow(9) });
  await setAudience(p, open2.id, []);
  // a closed platform's stage, and past stages: never offered.
  await makeStage(p, closed, { date: daysFromNow(3) });
  const past = await makeStage(p, demo, { date: daysFromNow(-10) });
  const lastYear = await makeStage(p, demo, { date: '2026-06-15' });

  ids.a = await enrolment(for3e, inA, team, { minutesAgo: 30 }); // convention missing
  ids.theirs = await enrolment(for3e, theirs, rival, { minutesAgo: 29 });
  ids.b = await enrolment(open1, inB, team, { minutesAgo: 20, signed: true });
  ids.bWaiting = await enrolment(open1, inB2, team, { status: 'WAITING', minutesAgo: 10, by: team.members.MAIN_TEACHER.user.id });
  ids.cancelled = await enrolment(open2, inA, team, { status: 'CANCELLED' });
  ids.pastA = await enrolment(past, inA, team); // attendance not noted: missing
  ids.pastB = await enrolment(past, inB, team);
  await p.enrolment.update({ where: { id: ids.pastB }, data: { attendance: 'PRESENT' } });
  await enrolment(lastYear, inA, team); // another school year: not counted
});
afterAll(() => setNow(null));

describe('a collège member’s home: their pupils’ enrolments', () => {
  it('the principal sees the collège’s, soonest first, with what is missing — never another collège’s', async () => {
    const { enrolments } = await home(team.members.PRINCIPAL.user.id);
    expect(enrolments).toMatchObject({ upcoming: 3, waiting: 1, conventionsToSign: 1, attendanceMissing: 1 });
    expect(enrolments!.next.map((r) => [r.id, r.statusLabel, r.missing])).toEqual([
      [ids.a, 'Inscrit', ['convention']],
      [ids.b, 'Inscrit', []],
      [ids.bWaiting, 'Liste d’attente', []],
    ]);
    expect(enrolments!.next[0]).toMatchObject({ classRoom: '3e A', date: '2026-11-28', platform: 'Lycée des métiers Démo' });
    expect(enrolments!.next[0].stageUrl).toMatch(/^http:\/\/demo\.localhost:3000\/stages\//);
    expect(enrolments!.next[1].stageUrl).toMatch(/^http:\/\/stages\.lycee-champagne\.fr:3000\/stages\//);
  });

  it('another collège’s principal sees only theirs', async () => {
    const { enrolments } = await home(rival.members.PRINCIPAL.user.id);
    expect(enrolments!.next.map((r) => r.id)).toEqual([ids.theirs]);
    expect(enrolments).toMatchObject({ upcoming: 1, attendanceMissing: 0 });
  });

  it('a professeur principal sees their class’s, and the pupils they enrolled', async () => {
    const { enrolments } = await home(team.members.MAIN_TEACHER.user.id);
    expect(enrolments!.next.map((r) => r.id)).toEqual([ids.a, ids.bWaiting]);
    expect(enrolments).toMatchObject({ upcoming: 2, waiting: 1, conventionsToSign: 1, attendanceMissing: 1 });
  });

  it('a teacher who reaches no pupil gets no enrolment list', async () => {
    expect((await home(team.members.TEACHER.user.id)).enrolments).toBeNull();
  });

  it('is nothing for someone in no collège', async () => {
    expect(await collegeHome(await loadActor({ userId: demo.admin.id, host: 'localhost' }), { portal: PORTAL })).toBeNull();
  });
});

describe('a collège member’s home: the platforms open to their pupils', () => {
  it('offers the active platforms with published stages to come for the classes’ levels, soonest first', async () => {
    const h = await home(team.members.PRINCIPAL.user.id);
    expect(h.levels).toEqual(['3e']);
    expect(h.platforms).toEqual([
      { id: demo.site.id, name: 'Lycée des métiers Démo', city: 'Rennes', stages: 1, withSeats: 0, nextDate: '2026-11-28', url: 'http://demo.localhost:3000/liste' },
      {
        id: autre.site.id,
        name: 'Lycée la Champagne',
        city: 'Vitré',
        stages: 2,
        withSeats: 1,
        nextDate: '2026-11-30',
        url: 'http://stages.lycee-champagne.fr:3000/liste',
      },
    ]);
  });

  it('follows the levels: a 4e class brings the 4e stages, for the whole collège but not for the 3e A’s professeur principal', async () => {
    await makeClass(db().prisma, { establishmentId: team.establishmentId, name: '4e A', level: '4e' });
    const principal = await home(team.members.PRINCIPAL.user.id);
    expect(principal.levels).toEqual(['3e', '4e']);
    expect(principal.platforms.find((p) => p.id === demo.site.id)).toMatchObject({ stages: 2, withSeats: 1 });
    const pp = await home(team.members.MAIN_TEACHER.user.id);
    expect(pp.levels).toEqual(['3e']);
    expect(pp.platforms.find((p) => p.id === demo.site.id)).toMatchObject({ stages: 1 });
  });

  it('without classes, only the stages open to every level', async () => {
    const empty = await makeTeam(db().prisma, { name: 'Collège sans classes' });
    await db().prisma.pupil.deleteMany({ where: { establishmentId: empty.establishmentId } });
    await db().prisma.classTeacher.deleteMany({ where: { classRoom: { establishmentId: empty.establishmentId } } });
    await db().prisma.classRoom.deleteMany({ where: { establishmentId: empty.establishmentId } });
    const h = await home(empty.members.PRINCIPAL.user.id);
    expect(h.levels).toEqual([]);
    expect(h.platforms.map((p) => [p.name, p.stages])).toEqual([['Lycée la Champagne', 2]]);
  });
});

describe('lycée staff, pending sign-ups, the page', () => {
  it('a platform’s staff see their active platforms, each at its address', async () => {
    await db().prisma.siteMembership.create({ data: { siteId: closed.site.id, userId: demo.admin.id, role: 'ADMIN' } });
    await db().prisma.siteMembership.create({ data: { siteId: autre.site.id, userId: demo.admin.id, role: 'TEACHER' } });
    expect(await staffPlatforms(demo.admin.id, { portal: PORTAL })).toEqual([
      { id: demo.site.id, name: 'Lycée des métiers Démo', role: 'ADMIN', roleLabel: 'administrateur', url: 'http://demo.localhost:3000/' },
      { id: autre.site.id, name: 'Lycée la Champagne', role: 'TEACHER', roleLabel: 'enseignant du lycée', url: 'http://stages.lycee-champagne.fr:3000/' },
    ]);
    expect(await staffPlatforms(team.members.PRINCIPAL.user.id, { portal: PORTAL })).toEqual([]);
  });

  it('a sign-up waiting for approval is said', async () => {
    const { user } = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'TEACHER', status: 'PENDING' });
    expect(await pendingMembershipsOf(user.id)).toEqual([{ id: expect.any(String), establishment: 'Collège les Ormeaux', city: 'Rennes' }]);
    expect(await pendingMembershipsOf(team.members.PRINCIPAL.user.id)).toEqual([]);
  });

  it('the home is the landing for visitors and the spaces once signed in', async () => {
    actAs(null);
    const anonymous = await PortalHome();
    expect(isValidElement(anonymous) && (anonymous.type as { name: string }).name).toBe('Landing');
    actAs(team.members.PRINCIPAL.user.id);
    const signedIn = await PortalHome();
    if (!isValidElement(signedIn)) throw new Error('no page');
    // SignedInHome reads the spaces; what it returns renders without the server (no async part left).
    const html = renderToStaticMarkup(await (signedIn.type as (p: unknown) => Promise<ReactElement>)(signedIn.props));
    expect(html).toContain('Collège les Ormeaux');
    expect(html).toContain('Manque : convention');
    expect(html).toContain('href="http://stages.lycee-champagne.fr/liste"'); // the mocked portal: http://localhost
    expect(html).toContain('href="/etablissement/stages"');
    expect(html).not.toContain('Inscrivez votre établissement');
  });
});
