// Who may open the collège's pages and the operator's (lib/core/guards): nobody is sent to
// /connexion coming back to the page; someone signed in who may not see it gets the one « Accès
// réservé » screen (components/ui/AccessDenied) saying who the page is for; the others get the page.
// The pages are called as the server calls them.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import { isValidElement } from 'react';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeTeam, matrixActors, type MatrixRole } from '../factories/college';
import { AccessDenied } from '@/components/ui/AccessDenied';
import EstablishmentHome from '@/app/(portail)/etablissement/page';
import ClassesPage from '@/app/(portail)/etablissement/classes/page';
import ClassPage, { generateMetadata as classMetadata } from '@/app/(portail)/etablissement/classes/[id]/page';
import PupilsPage from '@/app/(portail)/etablissement/eleves/page';
import TeamPage from '@/app/(portail)/etablissement/equipe/page';
import AccessRequestsPage from '@/app/(portail)/etablissement/demandes/page';
import PosterPage from '@/app/(portail)/rejoindre/[code]/affiche/page';
import MyClassPage from '@/app/(portail)/ma-classe/page';
import MyAccountPage from '@/app/(portail)/mon-compte/page';
import OperatorIndexPage from '@/app/(portail)/operateur/page';
import OverdueRequestsPage from '@/app/(portail)/operateur/demandes/page';
import RegistrationReviewsPage from '@/app/(portail)/operateur/inscriptions/page';
import RolloverPage from '@/app/(portail)/operateur/rentree/page';
import PlatformsPage from '@/app/(portail)/operateur/plateformes/page';
import NewPlatformPage from '@/app/(portail)/operateur/plateformes/nouvelle/page';

const db = useTestDb();
let actors: Record<MatrixRole, string | null>;
let classId: string;
let joinCode: string;

beforeAll(async () => {
  const team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  const other = await makeTeam(db().prisma, { name: 'Collège Françoise Dolto' });
  actors = await matrixActors(db().prisma, team, other);
  classId = team.classA.id;
  joinCode = team.classA.joinCode;
});

type Outcome = { kind: 'PAGE' } | { kind: 'DENIED'; what: string } | { kind: 'SIGN_IN'; to: string } | { kind: 'NOT_FOUND' };

async function open(role: MatrixRole, run: () => Promise<unknown>): Promise<Outcome> {
  actAs(actors[role]);
  try {
    const tree = await run();
    if (isValidElement(tree) && tree.type === AccessDenied) return { kind: 'DENIED', what: (tree.props as { what: string }).what };
    return { kind: 'PAGE' };
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { kind: 'NOT_FOUND' };
    const to = /^NEXT_REDIRECT;[^;]*;([^;]+);/.exec(digest)?.[1];
    if (to) return { kind: 'SIGN_IN', to };
    throw e;
  }
}

const TEAM_ONLY = 'aux membres de l’équipe pédagogique d’un collège';
const OPERATORS = 'à l’équipe technique de la plateforme';

const collegePages = (): [string, string, () => Promise<unknown>][] => [
  ['/etablissement', '/etablissement', () => EstablishmentHome()],
  ['/etablissement/classes', '/etablissement/classes', () => ClassesPage()],
  ['/etablissement/classes/[id]', `/etablissement/classes/${classId}`, () => ClassPage({ params: Promise.resolve({ id: classId }) })],
  ['/etablissement/eleves', '/etablissement/eleves', () => PupilsPage()],
  ['/etablissement/equipe', '/etablissement/equipe', () => TeamPage()],
  ['/rejoindre/[code]/affiche', `/rejoindre/${joinCode}/affiche`, () => PosterPage({ params: Promise.resolve({ code: joinCode }) })],
];

const operatorPages: [string, () => Promise<unknown>][] = [
  ['/operateur', () => OperatorIndexPage()],
  ['/operateur/demandes', () => OverdueRequestsPage()],
  ['/operateur/inscriptions', () => RegistrationReviewsPage()],
  ['/operateur/rentree', () => RolloverPage()],
  ['/operateur/plateformes', () => PlatformsPage()],
  ['/operateur/plateformes/nouvelle', () => NewPlatformPage()],
];

describe('the collège’s pages', () => {
  it('send nobody to sign in, coming back to the page', async () => {
    for (const [, path, run] of collegePages()) {
      expect(await open('ANONYMOUS', run)).toEqual({ kind: 'SIGN_IN', to: `/connexion?callbackUrl=${encodeURIComponent(path)}` });
    }
  });

  it.each(['STRANGER', 'PUPIL', 'OPERATOR'] as const)('show the « Accès réservé » screen to someone in no collège’s team (%s)', async (role) => {
    for (const [name, , run] of collegePages()) expect({ name, outcome: await open(role, run) }).toEqual({ name, outcome: { kind: 'DENIED', what: TEAM_ONLY } });
  });

  it.each(['PRINCIPAL', 'TEACHER', 'MAIN_TEACHER'] as const)('open for the team (%s)', async (role) => {
    for (const [name, , run] of collegePages()) expect({ name, outcome: await open(role, run) }).toEqual({ name, outcome: { kind: 'PAGE' } });
  });

  it('keep another collège’s class and poster out of reach (not found)', async () => {
    expect(await open('OTHER_STAFF', () => ClassPage({ params: Promise.resolve({ id: classId }) }))).toEqual({ kind: 'NOT_FOUND' });
    expect(await open('OTHER_STAFF', () => PosterPage({ params: Promise.resolve({ code: joinCode }) }))).toEqual({ kind: 'NOT_FOUND' });
  });

  it('title a class page only for its team', async () => {
    actAs(actors.PRINCIPAL);
    expect(await classMetadata({ params: Promise.resolve({ id: classId }) })).toEqual({ title: 'Classe 3e A' });
    actAs(actors.STRANGER);
    expect(await classMetadata({ params: Promise.resolve({ id: classId }) })).toEqual({ title: 'Classe' });
  });

  it('keep the account requests for the chef d’établissement and the deputies', async () => {
    expect(await open('ANONYMOUS', () => AccessRequestsPage())).toEqual({ kind: 'SIGN_IN', to: '/connexion?callbackUrl=%2Fetablissement%2Fdemandes' });
    expect(await open('PRINCIPAL', () => AccessRequestsPage())).toEqual({ kind: 'PAGE' });
    expect(await open('TEACHER', () => AccessRequestsPage())).toEqual({ kind: 'DENIED', what: 'au chef d’établissement et à ses adjoints' });
    expect(await open('STRANGER', () => AccessRequestsPage())).toEqual({ kind: 'DENIED', what: TEAM_ONLY });
  });
});

describe('« Ma classe » and « Mon compte »', () => {
  it('« Ma classe » is for the professeurs principaux (and the team) and the pupils', async () => {
    expect(await open('ANONYMOUS', () => MyClassPage())).toEqual({ kind: 'SIGN_IN', to: '/connexion?callbackUrl=%2Fma-classe' });
    expect(await open('PUPIL', () => MyClassPage())).toEqual({ kind: 'PAGE' });
    expect(await open('TEACHER', () => MyClassPage())).toEqual({ kind: 'PAGE' });
    expect(await open('STRANGER', () => MyClassPage())).toEqual({ kind: 'DENIED', what: 'aux professeurs principaux et aux élèves' });
  });

  it('« Mon compte » is for anyone signed in', async () => {
    expect(await open('ANONYMOUS', () => MyAccountPage())).toEqual({ kind: 'SIGN_IN', to: '/connexion?callbackUrl=%2Fmon-compte' });
    for (const role of ['STRANGER', 'PUPIL', 'PRINCIPAL', 'OPERATOR'] as const) expect(await open(role, () => MyAccountPage())).toEqual({ kind: 'PAGE' });
  });
});

describe('the operator’s pages', () => {
  it.each(operatorPages)('%s: sign-in, the screen, or the page for the operator', async (path, run) => {
    expect(await open('ANONYMOUS', run)).toEqual({ kind: 'SIGN_IN', to: `/connexion?callbackUrl=${encodeURIComponent(path)}` });
    for (const role of ['PRINCIPAL', 'STRANGER', 'PUPIL'] as const) expect(await open(role, run)).toEqual({ kind: 'DENIED', what: OPERATORS });
    expect(await open('OPERATOR', run)).toEqual({ kind: 'PAGE' });
  });
});
