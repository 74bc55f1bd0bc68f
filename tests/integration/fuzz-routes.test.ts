// Fuzzing every route handler (app/**/route.ts, issue 14) with RUNS generated requests each: hostile
// paths, query strings, Host headers and form bodies. For each: never an exception, never a 5xx, a
// plain-text refusal in French, and no row changed (GETs read; the exceptions are named per route).
jest.mock('@/lib/core/session', () => ({
  ...jest.requireActual('../helpers/session-mock').sessionModule,
  currentPortalSession: async () => null,
  originOfHost: async (host: string) => `http://${host}`,
}));
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/headers', () => jest.requireActual('../helpers/fuzz/mocks').headersModule);
jest.mock('@/lib/core/password', () => jest.requireActual('../helpers/fuzz/mocks').passwordModule);
jest.mock('@/lib/core/throttle', () => jest.requireActual('../helpers/fuzz/mocks').throttleModule);
jest.mock('@auth/prisma-adapter', () => ({ PrismaAdapter: () => ({}) }));

import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshRequest, request } from '../helpers/fuzz/mocks';
import { anyParam, anyString, idFrom } from '../helpers/fuzz/values';
import { fuzz, printTally, type Verdict } from '../helpers/fuzz/harness';
import { notFrench } from '../helpers/fuzz/french';
import { makeWorld, type World } from '../helpers/fuzz/world';
import { setNow } from '@/lib/core/clock';
import { GET as icsGet } from '@/app/api/ics/route';
import { GET as traineesGet } from '@/app/api/stagiaires/route';
import { GET as conventionGet } from '@/app/api/conventions/[enrolmentId]/route';
import { GET as signatureGet } from '@/app/api/signature/[token]/route';
import { GET as ssoStart } from '@/app/api/sso/start/route';
import { GET as ssoAuthorize } from '@/app/api/sso/authorize/route';
import { GET as ssoCallback } from '@/app/api/sso/callback/route';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...nextauth]/route';
import { GET as collegeJournalGet } from '@/app/api/journal/etablissement/route';
import { GET as platformJournalGet } from '@/app/api/journal/plateforme/route';
import { GET as operatorJournalGet } from '@/app/api/journal/operateur/route';
import { GET as pupilDataGet } from '@/app/api/eleves/[id]/donnees/route';

process.env.AUTH_TRUST_HOST = 'true';
const FILE = 'fuzz-routes';
const db = useTestDb();
let w: World;

beforeAll(async () => {
  w = await makeWorld(db().prisma);
}, 120_000);
afterAll(() => {
  setNow(null);
  printTally(FILE);
});

const KEYS = [
  'statut',
  'college',
  'par',
  'passes',
  'document',
  'host',
  'state',
  'return',
  'prompt',
  'code',
  'stale',
  'callbackUrl',
  'csrf',
  'error',
  'du',
  'au',
  'type',
  'personne',
  'compte',
  'page',
];
/** A query string: the route's keys (and others) with hostile values, repeated or not. */
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), anyString), anyParam), { maxLength: 5 }).map((pairs) => {
  const q = new URLSearchParams();
  for (const [k, v] of pairs) for (const one of [v ?? ''].flat()) q.append(k, one);
  return q.toString();
});
/** A Host header as an HTTP server would pass it (no CR, LF or NUL: the parser refuses those). */
const hostHeader = (...hosts: string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hosts) }, { weight: 1, arbitrary: anyString.filter((h) => /^[\x20-\x7e]{0,200}$/.test(h)) });
/** A path segment as Next.js hands it (already decoded once; one with a control character or half a surrogate pair never gets here: proxy.ts answers the 404, and Next cannot decode the latter). */
const segment = (...ids: string[]) => idFrom(...ids).filter((v) => !/\p{Cc}|\p{Cs}/u.test(v));

/** A response is fine when it is not a 5xx and, as plain text, speaks French (ours: next-auth's JSON API is read by its client, not by a person). */
async function verdictOf(res: Response, opts: { ours?: boolean } = {}): Promise<Verdict> {
  const problems: string[] = [];
  if (!(res instanceof Response)) return { accepted: false, problems: ['not a Response'] };
  if (res.status >= 500) problems.push(`status ${res.status}: ${(await res.text()).slice(0, 200)}`);
  else if (opts.ours !== false && res.status >= 400 && (res.headers.get('content-type') ?? '').startsWith('text/plain')) {
    const m = notFrench(await res.text());
    if (m) problems.push(`${res.status} body ${m}`);
  }
  return { accepted: false, problems };
}

/** The request's URL: a Host the URL parser refuses (port 609007199254740993) gives Next no request at all: localhost then. */
const url = (host: string, path: string, q: string) => {
  const usable = (h: string) => {
    try {
      return /^[a-z0-9.-]+(:\d+)?$/i.test(h) && new URL(`http://${h}/`).host !== '';
    } catch {
      return false;
    }
  };
  return `http://${usable(host) ? host : 'localhost'}${path}${q ? `?${q}` : ''}`;
};

/** One request: the session of `userId` on `host`, the headers the route reads. */
function as(userId: string | null, host: string) {
  actAs(userId, host);
  freshRequest(host);
}

describe('route handlers', () => {
  it(
    'GET /api/ics (a platform’s feed)',
    () =>
      fuzz(db().prisma, FILE, 'GET /api/ics', fc.tuple(hostHeader('demo.localhost', 'autre.localhost', 'localhost', 'DEMO.localhost:3000'), query), async ([host, q]) => {
        as(null, host);
        return verdictOf(await icsGet(new Request(url(host, '/api/ics', q), { headers: request.headers })));
      }),
    300_000,
  );

  it(
    'GET /api/stagiaires (the CSV export)',
    () =>
      fuzz(db().prisma, FILE, 'GET /api/stagiaires', fc.tuple(fc.constantFrom<'admin' | 'college' | null>('admin', 'college', null), query), async ([who, q]) => {
        as(who === 'admin' ? w.site.admin.id : who === 'college' ? w.team.members.PRINCIPAL.user.id : null, 'demo.localhost');
        return verdictOf(await traineesGet(new Request(url('demo.localhost', '/api/stagiaires', q))));
      }),
    300_000,
  );

  it(
    'GET /api/conventions/[enrolmentId] (« Conv »)',
    () =>
      fuzz(
        db().prisma,
        FILE,
        'GET /api/conventions/[enrolmentId]',
        fc.tuple(segment(...w.ids.enrolments), fc.constantFrom('localhost', 'demo.localhost'), query),
        async ([enrolmentId, host, q]) => {
          as(w.team.members.PRINCIPAL.user.id, host);
          return verdictOf(await conventionGet(new Request(url(host, '/api/conventions/x', q)), { params: Promise.resolve({ enrolmentId }) }));
        },
        // The convention of a real enrolment is made on first use (as its page does).
        { mayWrite: ['INSERT Convention'] },
      ),
    300_000,
  );

  it(
    'GET /api/signature/[token] (the PDF a signer signs)',
    () =>
      fuzz(db().prisma, FILE, 'GET /api/signature/[token]', fc.tuple(segment('A'.repeat(43)), fc.constantFrom('demo.localhost', 'localhost')), async ([token, host]) => {
        as(null, host);
        return verdictOf(await signatureGet(new Request(url(host, '/api/signature/x', '')), { params: Promise.resolve({ token }) }));
      }),
    300_000,
  );

  it(
    'GET /api/journal/etablissement, /plateforme, /operateur (the journals’ CSV)',
    () =>
      fuzz(
        db().prisma,
        FILE,
        'GET /api/journal/*',
        fc.tuple(
          fc.constantFrom('etablissement', 'plateforme', 'operateur'),
          fc.constantFrom<'head' | 'admin' | 'operator' | null>('head', 'admin', 'operator', null),
          fc.constantFrom('localhost', 'demo.localhost'),
          query,
        ),
        async ([which, who, host, q]) => {
          as(who === 'head' ? w.team.members.PRINCIPAL.user.id : who === 'admin' ? w.site.admin.id : who === 'operator' ? w.operator.id : null, host);
          const get = which === 'etablissement' ? collegeJournalGet : which === 'plateforme' ? platformJournalGet : operatorJournalGet;
          return verdictOf(await get(new Request(url(host, `/api/journal/${which}`, q))));
        },
      ),
    300_000,
  );

  it(
    'GET /api/eleves/[id]/donnees (a pupil’s data, JSON)',
    () =>
      fuzz(
        db().prisma,
        FILE,
        'GET /api/eleves/[id]/donnees',
        fc.tuple(segment(...w.ids.pupils), fc.constantFrom<string | null>(w.team.members.PRINCIPAL.user.id, w.team.members.TEACHER.user.id, null)),
        async ([id, userId]) => {
          as(userId, 'localhost');
          return verdictOf(await pupilDataGet(new Request(url('localhost', '/api/eleves/x/donnees', '')), { params: Promise.resolve({ id }) }));
        },
        // A download is recorded in the audit trail (« pupil.export »), by design.
        { mayWrite: ['INSERT AuditEntry'] },
      ),
    300_000,
  );

  const nextRequest = (host: string, path: string, q: string, cookies: string[] = []) =>
    new NextRequest(url(host, path, q), { headers: { ...request.headers, ...(cookies.length ? { cookie: cookies.join('; ') } : {}) } });

  it(
    'GET /api/sso/start',
    () =>
      fuzz(db().prisma, FILE, 'GET /api/sso/start', fc.tuple(hostHeader('demo.localhost', 'localhost'), query), async ([host, q]) => {
        as(null, host);
        return verdictOf(await ssoStart(nextRequest(host, '/api/sso/start', q, ['__Secure-next-auth.session-token=x', 'next-auth.session-token=%'])));
      }),
    300_000,
  );

  it(
    'GET /api/sso/authorize (the portal)',
    () =>
      fuzz(
        db().prisma,
        FILE,
        'GET /api/sso/authorize',
        fc.tuple(hostHeader('localhost', 'demo.localhost'), fc.constantFrom<string | null>(null, w.team.members.PRINCIPAL.user.id), query),
        async ([host, userId, q]) => {
          as(userId, host);
          return verdictOf(await ssoAuthorize(nextRequest(host, '/api/sso/authorize', q)));
        },
      ),
    300_000,
  );

  it(
    'GET /api/sso/callback (a platform)',
    () =>
      fuzz(
        db().prisma,
        FILE,
        'GET /api/sso/callback',
        fc.tuple(
          hostHeader('demo.localhost', 'localhost'),
          query,
          anyString.filter((c) => /^[\x21-\x7e]{0,100}$/.test(c) && !/[;,]/.test(c)),
        ),
        async ([host, q, cookie]) => {
          as(null, host);
          request.cookies = new Map([['ms_sso_state', cookie]]);
          return verdictOf(await ssoCallback(nextRequest(host, '/api/sso/callback', q, [`ms_sso_state=${cookie}`])));
        },
      ),
    300_000,
  );

  const nextauthPath = fc.oneof(
    fc.constantFrom(
      ['session'],
      ['csrf'],
      ['providers'],
      ['signin'],
      ['signout'],
      ['callback', 'credentials'],
      ['error'],
      ['signin', 'credentials'],
      ['callback', 'inconnu'],
    ),
    fc.array(
      // No control character or half a surrogate pair: proxy.ts answers such a path with the 404 first.
      anyString.filter((s) => !/\p{Cc}|\p{Cs}/u.test(s)),
      { minLength: 0, maxLength: 3 },
    ),
  );
  it(
    'GET and POST /api/auth/[...nextauth] (next-auth)',
    () =>
      fuzz(
        db().prisma,
        FILE,
        'GET|POST /api/auth/[...nextauth]',
        fc.tuple(fc.constantFrom('GET', 'POST'), nextauthPath, query, fc.constantFrom('localhost', 'demo.localhost')),
        async ([method, nextauth, q, host]) => {
          as(null, host);
          const path = `/api/auth/${nextauth.map(encodeURIComponent).join('/')}`;
          const req = new NextRequest(url(host, path, method === 'GET' ? q : ''), {
            method,
            headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' },
            ...(method === 'POST' ? { body: q } : {}),
          });
          const handler = (method === 'GET' ? authGet : authPost) as unknown as (r: NextRequest, ctx: unknown) => Promise<Response>;
          return verdictOf(await handler(req, { params: Promise.resolve({ nextauth }) }), { ours: false });
        },
        // A refused sign-in is written to the audit trail ('sign-in.failure'), by design.
        { mayWrite: ['INSERT AuditEntry'] },
      ),
    300_000,
  );
});
