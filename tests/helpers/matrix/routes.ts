// How the matrix calls each route handler: the host, the Request (and the route's params), and what
// a success must look like beyond its status. Expectations: tests/helpers/matrix/table.ts.
import { NextRequest } from 'next/server';
import { newVerifier, stateOf } from '@/lib/core/sso-flow';
import { sentFor, type Ctx } from './cases';
import { PORTAL } from './world';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

export type RouteCase = {
  host: (c: Ctx) => string;
  call: (handler: Handler, host: string, c: Ctx) => Promise<Response>;
  /** What a success must also show (a problem's description, or null). */
  check?: (res: Response, c: Ctx) => Promise<string | null>;
};

const hostOf = (c: Ctx) => (c.place === '-' ? PORTAL : c.w.P1.host);
const get = (url: string) => new NextRequest(url, { headers: { host: new URL(url).host } });
const params = (p: Record<string, unknown> = {}) => ({ params: Promise.resolve(p) });
const isPdf = async (res: Response) =>
  res.status !== 200 || res.headers.get('content-type') === 'application/pdf' ? null : `not a PDF: ${res.headers.get('content-type')}`;

/** A signature link that no cell consumes: P1's for site, P2's for site'. */
const unusedToken = async (c: Ctx) => (await c.w.sharedSent(c.place === "site'" ? 'P2' : 'P1')).tokens[0];

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/auth/[...nextauth]': {
    host: hostOf,
    call: (h, host) => h(get(`http://${host}/api/auth/providers`), params({ nextauth: ['providers'] })),
    check: async (res) => ((await res.clone().json()).credentials ? null : 'no credentials provider listed'),
  },
  'POST /api/auth/[...nextauth]': {
    // A sign-out without next-auth's CSRF token: answered the same to all, it ends no session.
    host: hostOf,
    call: (h, host) =>
      h(
        new NextRequest(`http://${host}/api/auth/signout`, {
          method: 'POST',
          headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'json=true',
        }),
        params({ nextauth: ['signout'] }),
      ),
  },
  'GET /api/conventions/[enrolmentId]': {
    host: hostOf,
    call: async (h, host, c) => {
      const { enrolment } = await sentFor(c);
      return h(get(`http://${host}/api/conventions/${enrolment.id}`), params({ enrolmentId: enrolment.id }));
    },
    check: isPdf,
  },
  'GET /api/eleves/[id]/donnees': {
    host: () => PORTAL,
    call: async (h, host, c) => {
      const pupil = await c.w.sharedPupil(c.place === "est'" ? 'B' : 'A');
      return h(get(`http://${host}/api/eleves/${pupil.id}/donnees`), params({ id: pupil.id }));
    },
    check: async (res) => (res.status !== 200 || res.headers.get('content-type')?.startsWith('application/json') ? null : 'not JSON'),
  },
  ...Object.fromEntries(
    ['etablissement', 'operateur', 'plateforme'].map((which) => [
      `GET /api/journal/${which}`,
      {
        host: hostOf,
        call: (h: Handler, host: string) => h(get(`http://${host}/api/journal/${which}`), params()),
        check: async (res: Response) => (res.status !== 200 || res.headers.get('content-type')?.startsWith('text/csv') ? null : 'not a CSV'),
      } satisfies RouteCase,
    ]),
  ),
  'GET /api/ics': {
    host: hostOf,
    call: (h, host) => h(get(`http://${host}/api/ics`), params()),
    check: async (res) => ((await res.clone().text()).startsWith('BEGIN:VCALENDAR') ? null : 'not a calendar'),
  },
  'GET /api/signature/[token]': {
    host: hostOf,
    call: async (h, host, c) => {
      const token = await unusedToken(c);
      return h(get(`http://${host}/api/signature/${token}`), params({ token }));
    },
    check: isPdf,
  },
  'GET /api/sso/authorize': {
    host: hostOf,
    call: (h, host, c) => h(get(`http://${host}/api/sso/authorize?host=${c.w.P1.host}&state=${stateOf(newVerifier())}&return=/`), params()),
    // Signed in on the portal: back to the platform with a one-time code; nobody: without one.
    check: async (res, c) => {
      const code = new URL(res.headers.get('location') ?? '', 'http://x').searchParams.has('code');
      return code === !!c.userId ? null : code ? 'a code for nobody' : 'no code for a signed-in person';
    },
  },
  'GET /api/sso/callback': {
    host: hostOf,
    call: (h, host) => h(get(`http://${host}/api/sso/callback?state=${stateOf(newVerifier())}&return=/`), params()),
    // No code, no state cookie: no session is set.
    check: async (res) => (res.headers.get('set-cookie')?.includes('session-token=ey') ? 'a session was set' : null),
  },
  'GET /api/sso/start': {
    host: hostOf,
    call: (h, host) => h(get(`http://${host}/api/sso/start?return=/`), params()),
    check: async (res, c) => {
      const to = res.headers.get('location') ?? '';
      const expected = c.place === '-' ? !to.includes('/api/sso/authorize') : to.startsWith('http://localhost/api/sso/authorize');
      return expected ? null : `unexpected Location ${to}`;
    },
  },
  'GET /api/stagiaires': {
    host: hostOf,
    call: (h, host) => h(get(`http://${host}/api/stagiaires`), params()),
    check: async (res) => (res.status !== 200 || res.headers.get('content-type')?.startsWith('text/csv') ? null : 'not a CSV'),
  },
};
