// Who gets which platform page (app/sites/[host]/**), through the one set of guards (lib/core/guards):
// a host without a platform → 404; a public page → the page for anybody; a staff page → sign-in for
// nobody (coming back to the page), the « Accès réservé » screen for someone not allowed, the page
// for the platform's staff; an unknown stage (or another platform's) → 404 for the staff.
// The pages are called as the server calls them; the returned tree is inspected.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import { isValidElement, type ReactElement } from 'react';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeCollege, makeSite, makeStage, stageDay, type TestCollege, type TestSite } from '../factories/sites';
import { makeUser } from '../factories/people';
import { AccessDenied, type AccessDeniedProps } from '@/components/ui/AccessDenied';
import SiteLayout from '@/app/sites/[host]/layout';
import Dashboard from '@/app/sites/[host]/page';
import CalendarPage from '@/app/sites/[host]/calendrier/page';
import NewStagePage from '@/app/sites/[host]/calendrier/nouveau/page';
import StageListPage from '@/app/sites/[host]/liste/page';
import ContactsPage from '@/app/sites/[host]/contacts/page';
import SearchPage from '@/app/sites/[host]/recherche/page';
import TraineesPage from '@/app/sites/[host]/stagiaires/page';
import StagePage from '@/app/sites/[host]/stages/[id]/page';
import EditStagePage from '@/app/sites/[host]/stages/[id]/modifier/page';
import DuplicateStagePage from '@/app/sites/[host]/stages/[id]/dupliquer/page';
import CancelStagePage from '@/app/sites/[host]/stages/[id]/annuler/page';
import OptionsPage from '@/app/sites/[host]/options/page';
import ContactsOptionsPage from '@/app/sites/[host]/options/contacts/page';
import FormationsOptionsPage from '@/app/sites/[host]/options/formations/page';
import TeachersOptionsPage from '@/app/sites/[host]/options/enseignants/page';
import TeamOptionsPage from '@/app/sites/[host]/options/equipe/page';
import EstablishmentInfoPage from '@/app/sites/[host]/options/etablissement/page';

const db = useTestDb();
let demo: TestSite;
let other: TestSite;
let college: TestCollege;
let strangerId: string;
let stageId: string;
let otherStageId: string;

beforeAll(async () => {
  demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  other = await makeSite(db().prisma, { slug: 'autre', uai: '0350050P' });
  college = await makeCollege(db().prisma, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 0 });
  strangerId = (await makeUser(db().prisma, { email: 'personne@example.fr' })).id;
  stageId = (await makeStage(db().prisma, demo, { date: stageDay(10) })).id;
  otherStageId = (await makeStage(db().prisma, other, { date: stageDay(10) })).id;
});

type Who = 'nobody' | 'stranger' | 'principal' | 'siteTeacher' | 'siteAdmin' | 'otherAdmin';
const WHO: Who[] = ['nobody', 'stranger', 'principal', 'siteTeacher', 'siteAdmin', 'otherAdmin'];
const userOf = (who: Who): string | null =>
  ({ nobody: null, stranger: strangerId, principal: college.principal.id, siteTeacher: demo.teacherUser.id, siteAdmin: demo.admin.id, otherAdmin: other.admin.id })[who];

type Outcome = { kind: 'page' } | { kind: 'not-found' } | { kind: 'sign-in'; back: string } | ({ kind: 'denied' } & AccessDeniedProps);

/** Runs a page as Next would: the page, a 404, a redirect to sign in (and where it comes back), or the « Accès réservé » screen. */
async function visit(who: Who, run: () => Promise<unknown>, host = demo.host): Promise<Outcome> {
  actAs(userOf(who), host);
  try {
    const tree = await run();
    if (isValidElement(tree) && tree.type === AccessDenied) return { kind: 'denied', ...(tree as ReactElement<AccessDeniedProps>).props };
    return { kind: 'page' };
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { kind: 'not-found' };
    const to = /^NEXT_REDIRECT;[a-z]+;([^;]+);/.exec(digest)?.[1];
    if (to?.startsWith('/connexion?callbackUrl=')) return { kind: 'sign-in', back: decodeURIComponent(to.slice('/connexion?callbackUrl='.length)) };
    throw e;
  }
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const search = <T extends object>(sp: T) => ({ searchParams: Promise.resolve(sp) });
const STAFF = 'aux enseignants et aux administrateurs de la plateforme du lycée';

describe('a host without a platform', () => {
  it.each(WHO)('is not found, for %s, on public and staff pages alike', async (who) => {
    const host = 'inconnu.localhost';
    expect(await visit(who, () => SiteLayout({ children: null }), host)).toEqual({ kind: 'not-found' });
    expect(await visit(who, () => Dashboard(), host)).toEqual({ kind: 'not-found' });
    expect(await visit(who, () => NewStagePage(search({})), host)).toEqual({ kind: 'not-found' });
    expect(await visit(who, () => TraineesPage(search({})), host)).toEqual({ kind: 'not-found' });
    expect(await visit(who, () => OptionsPage(), host)).toEqual({ kind: 'not-found' });
    expect(await visit(who, () => EditStagePage(params(stageId)), host)).toEqual({ kind: 'not-found' });
  });
});

describe('public pages', () => {
  it.each(WHO)('are open to %s', async (who) => {
    const pages = [
      () => SiteLayout({ children: null }),
      () => Dashboard(),
      () => CalendarPage(search({})),
      () => StageListPage(search({})),
      () => ContactsPage(),
      () => SearchPage(search({})),
      () => StagePage({ ...params(stageId), ...search({}) }),
    ];
    for (const run of pages) expect(await visit(who, run)).toEqual({ kind: 'page' });
    expect(await visit(who, () => StagePage({ ...params(otherStageId), ...search({}) }))).toEqual({ kind: 'not-found' });
  });
});

describe('the staff’s stage pages (stages:publish)', () => {
  const STAGE_PAGES = [
    ['modifier', EditStagePage],
    ['dupliquer', DuplicateStagePage],
    ['annuler', CancelStagePage],
  ] as const;

  it.each(STAGE_PAGES)('/stages/[id]/%s: sign in first, then the screen or the page', async (path, Page) => {
    expect(await visit('nobody', () => Page(params(stageId)))).toEqual({ kind: 'sign-in', back: `/stages/${stageId}/${path}` });
    for (const who of ['stranger', 'principal', 'otherAdmin'] as const) {
      expect(await visit(who, () => Page(params(stageId)))).toEqual({ kind: 'denied', what: STAFF, back: { href: `/stages/${stageId}`, label: 'Retour au stage' } });
    }
    for (const who of ['siteTeacher', 'siteAdmin'] as const) {
      expect(await visit(who, () => Page(params(stageId)))).toEqual({ kind: 'page' });
      expect(await visit(who, () => Page(params(otherStageId)))).toEqual({ kind: 'not-found' });
      expect(await visit(who, () => Page(params('inconnu')))).toEqual({ kind: 'not-found' });
    }
  });

  it('/calendrier/nouveau: comes back to the chosen day after signing in', async () => {
    const day = stageDay(12);
    expect(await visit('nobody', () => NewStagePage(search({ date: day })))).toEqual({ kind: 'sign-in', back: `/calendrier/nouveau?date=${day}` });
    expect(await visit('principal', () => NewStagePage(search({ date: day })))).toEqual({
      kind: 'denied',
      what: STAFF,
      back: { href: '/calendrier', label: 'Retour au calendrier' },
    });
    expect(await visit('siteTeacher', () => NewStagePage(search({ date: day })))).toEqual({ kind: 'page' });
  });
});

describe('« Stagiaires »: the platform’s staff or a collège’s team', () => {
  it('sends nobody to sign in, shows the screen to others, the page to the staff and to a collège', async () => {
    expect(await visit('nobody', () => TraineesPage(search({})))).toEqual({ kind: 'sign-in', back: '/stagiaires' });
    expect(await visit('nobody', () => TraineesPage(search({ passes: '1' })))).toEqual({ kind: 'sign-in', back: '/stagiaires?passes=1' });
    for (const who of ['stranger', 'otherAdmin'] as const) {
      expect(await visit(who, () => TraineesPage(search({})))).toEqual({
        kind: 'denied',
        what: 'à l’équipe du lycée et aux équipes des collèges qui inscrivent leurs élèves',
      });
    }
    for (const who of ['principal', 'siteTeacher', 'siteAdmin'] as const) expect(await visit(who, () => TraineesPage(search({})))).toEqual({ kind: 'page' });
  });
});

describe('« Options »', () => {
  it('general options and the collège’s information: any signed-in person', async () => {
    expect(await visit('nobody', () => OptionsPage())).toEqual({ kind: 'sign-in', back: '/options' });
    expect(await visit('nobody', () => EstablishmentInfoPage())).toEqual({ kind: 'sign-in', back: '/options/etablissement' });
    for (const who of ['stranger', 'principal', 'siteTeacher', 'siteAdmin'] as const) {
      expect(await visit(who, () => OptionsPage())).toEqual({ kind: 'page' });
      expect(await visit(who, () => EstablishmentInfoPage())).toEqual({ kind: 'page' });
    }
  });

  it.each([
    ['contacts', ContactsOptionsPage],
    ['formations', FormationsOptionsPage],
    ['enseignants', TeachersOptionsPage],
    ['equipe', TeamOptionsPage],
  ] as const)('/options/%s: the platform’s staff', async (path, Page) => {
    expect(await visit('nobody', () => Page())).toEqual({ kind: 'sign-in', back: `/options/${path}` });
    for (const who of ['stranger', 'principal', 'otherAdmin'] as const) expect(await visit(who, () => Page())).toEqual({ kind: 'denied', what: STAFF });
    for (const who of ['siteTeacher', 'siteAdmin'] as const) expect(await visit(who, () => Page())).toEqual({ kind: 'page' });
  });
});
