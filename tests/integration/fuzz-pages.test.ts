// Fuzzing the pages' URLs (issue 14): every page that reads its query string (?mois=, ?date=,
// ?page=, ?q=, ?du=, ?au=, ?uai=, ?code=…) or an id / token / code in its path gets RUNS generated
// values, as the person who may see it. The page component and the async server components it
// renders are called the way Next does (tests/integration/calendar-month-param-bounded.test.ts):
// a page, a redirect or Next's 404 / 403 — never an exception, and no row changed.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/headers', () => jest.requireActual('../helpers/fuzz/mocks').headersModule);
jest.mock('next/server', () => ({ ...jest.requireActual('next/server'), connection: async () => undefined }));

import fc from 'fast-check';
import { isValidElement, type ReactElement } from 'react';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshRequest } from '../helpers/fuzz/mocks';
import { anyParam, anyString, idFrom, objectOf } from '../helpers/fuzz/values';
import { fuzz, printTally, type Verdict } from '../helpers/fuzz/harness';
import { makeWorld, type World } from '../helpers/fuzz/world';
import { setNow } from '@/lib/core/clock';

const FILE = 'fuzz-pages';
const db = useTestDb();
let w: World;

beforeAll(async () => {
  w = await makeWorld(db().prisma);
}, 120_000);
afterAll(() => {
  setNow(null);
  printTally(FILE);
});

/** The query keys the pages read (and the filters' ones), plus any other key. */
const KEYS = [
  'mois',
  'date',
  'jour',
  'page',
  'q',
  'du',
  'au',
  'lieu',
  'filiere',
  'formation',
  'disponibles',
  'uai',
  'code',
  'type',
  'horaires',
  'enseignant',
  'remplissage',
  'passes',
  'tri',
  'ordre',
  'statut',
  'college',
  'par',
  'publie',
  'annule',
  'modifie',
  'inscrire',
  'callbackUrl',
  'motdepasse',
  'email',
  'error',
  'niveau',
  'identifiant',
  '__proto__',
  'constructor',
];
const searchParams = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: anyString }), anyParam), { maxLength: 6 })
  .map((pairs) => objectOf(pairs.filter(([, v]) => v !== undefined)) as Record<string, string | string[]>);

type Page = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string | string[]>> }) => unknown;
type Who = 'nobody' | 'principal' | 'admin' | 'operator' | 'pupil';

/** Renders the tree as far as Next's server would: async server components are awaited, with their props. */
async function renderServer(node: unknown, depth = 0): Promise<void> {
  if (depth > 40 || node === null || typeof node !== 'object') return;
  if (node instanceof Promise) return renderServer(await node, depth + 1);
  if (Array.isArray(node)) {
    for (const child of node) await renderServer(child, depth + 1);
    return;
  }
  if (!isValidElement(node)) return;
  const { type, props } = node as ReactElement<Record<string, unknown>>;
  if (typeof type === 'function' && type.constructor.name === 'AsyncFunction') return renderServer(await (type as (p: unknown) => Promise<unknown>)(props), depth + 1);
  for (const value of Object.values(props ?? {})) if (value && typeof value === 'object') await renderServer(value, depth + 1);
}

/** A page, a redirect or Next's 404 / 403 / 401: fine. Anything else thrown: a 500. */
async function pageVerdict(render: () => Promise<unknown>): Promise<Verdict> {
  try {
    await renderServer(await render());
    return { accepted: false, problems: [] };
  } catch (err) {
    const digest = String((err as { digest?: unknown })?.digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND') return { accepted: false, problems: [] };
    return { accepted: false, problems: [`threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`] };
  }
}

function page(
  label: string,
  load: () => Promise<{ default: unknown }>,
  who: Who,
  host: 'portal' | 'site',
  segment?: { name: string; ids: () => string[] },
  opts: { mayWrite?: string[] } = {},
) {
  it(`${label}: any URL → a page, a redirect or a 404, never a 500`, async () => {
    const Page = (await load()).default as Page;
    const userOf = () =>
      ({ nobody: null, principal: w.team.members.PRINCIPAL.user.id, admin: w.site.admin.id, operator: w.operator.id, pupil: w.team.pupilUser.id })[who];
    const hostName = host === 'portal' ? 'localhost' : w.site.host;
    // A path segment with a control character never reaches a page: proxy.ts answers the 404 (tested below).
    const input = fc.tuple(segment ? idFrom(...segment.ids()).filter((v) => !CONTROL.test(v)) : fc.constant(''), searchParams);
    await fuzz(
      db().prisma,
      FILE,
      label,
      input,
      async ([id, sp]) => {
        actAs(userOf(), hostName);
        freshRequest(hostName);
        const params = { host: hostName, ...(segment ? { [segment.name]: id } : {}) };
        return pageVerdict(() => Promise.resolve(Page({ params: Promise.resolve(params), searchParams: Promise.resolve(sp) })));
      },
      opts,
    );
  }, 300_000);
}

const stageIds = () => w.ids.stages;
const CONTROL = /\p{Cc}|\p{Cs}/u; // half a surrogate pair: %ED%BF%BF is no UTF-8, the proxy's decode refuses it
/** A real enrolment's convention is made on first use, by its page (lib/conventions/service.ts). */
const FIRST_USE = { mayWrite: ['INSERT Convention'] };

describe('portal pages', () => {
  page('/connexion', () => import('@/app/(portail)/connexion/page'), 'nobody', 'portal');
  page('/inscription', () => import('@/app/(portail)/inscription/page'), 'nobody', 'portal');
  page('/inscription/email-envoye', () => import('@/app/(portail)/inscription/email-envoye/page'), 'nobody', 'portal');
  page('/inscription/en-attente', () => import('@/app/(portail)/inscription/en-attente/page'), 'nobody', 'portal');
  page('/identifiant-oublie', () => import('@/app/(portail)/identifiant-oublie/page'), 'nobody', 'portal');
  page('/creer-mon-compte/eleve', () => import('@/app/(portail)/creer-mon-compte/eleve/page'), 'nobody', 'portal');
  page('/creer-mon-compte/equipe', () => import('@/app/(portail)/creer-mon-compte/equipe/page'), 'nobody', 'portal');
  page('/recherche', () => import('@/app/(portail)/recherche/page'), 'nobody', 'portal');
  page('/rejoindre', () => import('@/app/(portail)/rejoindre/page'), 'pupil', 'portal');
  page('/rejoindre/[code]', () => import('@/app/(portail)/rejoindre/[code]/page'), 'nobody', 'portal', { name: 'code', ids: () => [w.team.classA.joinCode] });
  page('/rejoindre/[code]/affiche', () => import('@/app/(portail)/rejoindre/[code]/affiche/page'), 'principal', 'portal', {
    name: 'code',
    ids: () => [w.team.classA.joinCode],
  });
  page('/activation/[token]', () => import('@/app/(portail)/activation/[token]/page'), 'nobody', 'portal', { name: 'token', ids: () => ['A'.repeat(43)] });
  page('/reinitialisation/[token]', () => import('@/app/(portail)/reinitialisation/[token]/page'), 'nobody', 'portal', { name: 'token', ids: () => ['A'.repeat(43)] });
  page('/invitation/[token]', () => import('@/app/(portail)/invitation/[token]/page'), 'nobody', 'portal', { name: 'token', ids: () => ['A'.repeat(43)] });
  page('/etablissement/stages', () => import('@/app/(portail)/etablissement/stages/page'), 'principal', 'portal');
  page('/etablissement/classes/[id]', () => import('@/app/(portail)/etablissement/classes/[id]/page'), 'principal', 'portal', { name: 'id', ids: () => w.ids.classes });
  page('/etablissement/eleves/[id]', () => import('@/app/(portail)/etablissement/eleves/[id]/page'), 'principal', 'portal', { name: 'id', ids: () => w.ids.pupils });
  page(
    '/etablissement/conventions/[id]',
    () => import('@/app/(portail)/etablissement/conventions/[id]/page'),
    'principal',
    'portal',
    { name: 'id', ids: () => w.ids.enrolments },
    FIRST_USE,
  );
  page('/operateur/plateformes/[id]', () => import('@/app/(portail)/operateur/plateformes/[id]/page'), 'operator', 'portal', { name: 'id', ids: () => w.ids.sites });
});

describe('a platform’s pages (demo.localhost)', () => {
  page('/calendrier', () => import('@/app/sites/[host]/calendrier/page'), 'admin', 'site');
  page('/calendrier/nouveau', () => import('@/app/sites/[host]/calendrier/nouveau/page'), 'admin', 'site');
  page('/liste', () => import('@/app/sites/[host]/liste/page'), 'admin', 'site');
  page('/recherche (platform)', () => import('@/app/sites/[host]/recherche/page'), 'nobody', 'site');
  page('/stagiaires', () => import('@/app/sites/[host]/stagiaires/page'), 'admin', 'site');
  page('/connexion (platform)', () => import('@/app/sites/[host]/connexion/page'), 'nobody', 'site');
  page('/verification', () => import('@/app/sites/[host]/verification/page'), 'nobody', 'site');
  page('/stages/[id]', () => import('@/app/sites/[host]/stages/[id]/page'), 'admin', 'site', { name: 'id', ids: stageIds });
  page('/stages/[id]/modifier', () => import('@/app/sites/[host]/stages/[id]/modifier/page'), 'admin', 'site', { name: 'id', ids: stageIds });
  page('/stages/[id]/dupliquer', () => import('@/app/sites/[host]/stages/[id]/dupliquer/page'), 'admin', 'site', { name: 'id', ids: stageIds });
  page('/stages/[id]/annuler', () => import('@/app/sites/[host]/stages/[id]/annuler/page'), 'admin', 'site', { name: 'id', ids: stageIds });
  page('/conventions/[id]', () => import('@/app/sites/[host]/conventions/[id]/page'), 'admin', 'site', { name: 'id', ids: () => w.ids.enrolments }, FIRST_USE);
  page('/signature/[token]', () => import('@/app/sites/[host]/signature/[token]/page'), 'nobody', 'site', { name: 'token', ids: () => ['A'.repeat(43)] });
  page('/invitation-plateforme/[token]', () => import('@/app/sites/[host]/invitation-plateforme/[token]/page'), 'nobody', 'site', {
    name: 'token',
    ids: () => ['A'.repeat(43)],
  });
});

describe('found by fuzzing', () => {
  // ?enseignant=%00, ?q=%00, ?college=%00 reached PostgreSQL, which refuses NUL: a 500.
  it.each([
    ['/calendrier?enseignant=%00', () => import('@/app/sites/[host]/calendrier/page'), { enseignant: 'a\u0000' }, 'admin'],
    ['/stagiaires?college=%00', () => import('@/app/sites/[host]/stagiaires/page'), { college: '\u0000' }, 'admin'],
    ['/creer-mon-compte/eleve?q=%00', () => import('@/app/(portail)/creer-mon-compte/eleve/page'), { q: '\u0000ff' }, 'nobody'],
  ] as const)('%s answers the page', async (_url, load, sp, who) => {
    const host = who === 'admin' ? w.site.host : 'localhost';
    actAs(who === 'admin' ? w.site.admin.id : null, host);
    freshRequest(host);
    const Page = (await load()).default as Page;
    expect(await pageVerdict(() => Promise.resolve(Page({ params: Promise.resolve({ host }), searchParams: Promise.resolve({ ...sp }) })))).toEqual({
      accepted: false,
      problems: [],
    });
  });

  // An id holding NUL (/etablissement/classes/a%00b) reached PostgreSQL, which refuses it: a 500.
  it.each(['/etablissement/classes/a%00b', '/etablissement/eleves/%00', '/operateur/plateformes/x%1Fy', '/api/conventions/a%00b'])(
    'proxy.ts answers %s with the French 404',
    async (path) => {
      const { proxy } = await import('@/proxy');
      const { NextRequest } = await import('next/server');
      const res = proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { host: 'localhost:3000' } }));
      expect(new URL(res.headers.get('x-middleware-rewrite')!).pathname).toBe('/introuvable');
    },
  );
});
