// Every route handler (app/api/**/route.ts, found on disk: a new one is checked too) when the database
// is out of reach — PostgreSQL stopped or restarting — answers a French 503 with Retry-After, and when
// something unexpected breaks, a French 500: never Next's bare 500, a stack or the error's text (which
// may quote a row), in the answer or in the log (lib/core/route.ts). next-auth's own route is left to
// next-auth (tests/integration/fuzz-routes.test.ts).
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/matrix/request').sessionModule);
jest.mock('next/headers', () => jest.requireActual('../helpers/matrix/request').headersModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NextRequest } from 'next/server';
import { useTestDb } from '../helpers/db';
import { request } from '../helpers/matrix/request';
import { setPrisma } from '@/lib/core/db';
import { DATABASE_UNAVAILABLE } from '@/lib/core/errors';
import { ROUTE_FAILED } from '@/lib/core/route';
import { makeSite } from '../factories/sites';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const db = useTestDb();
const API = join(process.cwd(), 'app/api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [path] : [];
  });
}
const ROUTES = routeFiles(API)
  .map((p) => relative(process.cwd(), p))
  .filter((p) => !p.includes('[...nextauth]'))
  .sort();

/** A client whose every call fails as `failure()` does (what Prisma throws with PostgreSQL away, or a bug). */
function failingClient(failure: () => Error): PrismaClient {
  const fail = () => Promise.reject(failure());
  const model: object = new Proxy({}, { get: () => fail });
  return new Proxy({} as PrismaClient, { get: (_t, prop) => (typeof prop === 'string' && prop.startsWith('$') ? fail : model) });
}
const unreachable = () => Object.assign(new Error("Can't reach database server at db.internal:5432 — jeanne.dupont@example.fr"), { code: 'P1001' });
const bug = () => new TypeError("Cannot read properties of undefined (reading 'jeanne.dupont@example.fr')");

let host = '';
let adminId = '';
beforeAll(async () => {
  const demo = await makeSite(db().prisma, { slug: 'demo', uai: '0350032V' });
  host = demo.host;
  adminId = demo.admin.id;
});

async function call(file: string, signedIn: boolean): Promise<Response> {
  const mod = (await import(`@/${file}`)) as { GET: (req: NextRequest, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response> };
  const onPortal = file.includes('/sso/authorize') || file.includes('/journal/etablissement') || file.includes('/journal/operateur') || file.includes('/eleves/');
  const h = onPortal ? 'localhost' : host;
  request(signedIn ? adminId : null, h);
  const url = `http://${h}/${file
    .replace(/^app\//, '')
    .replace(/\/route\.ts$/, '')
    .replace(/\[\w+\]/g, 'cmx0000000000000000000000')}?host=${host}&state=${'s'.repeat(43)}&return=%2F&code=x`;
  return mod.GET(new NextRequest(url, { headers: { host: h } }), {
    params: Promise.resolve({ enrolmentId: 'cmx0000000000000000000000', token: 't'.repeat(43), id: 'cmx0000000000000000000000' }),
  });
}

describe('the route handlers', () => {
  const real = () => db().prisma;
  let logged: string[] = [];
  beforeEach(() => {
    logged = [];
    for (const level of ['warn', 'error'] as const) jest.spyOn(console, level).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
  });
  afterEach(() => {
    setPrisma(real());
    jest.restoreAllMocks();
  });

  it('are all found (the list this test covers)', () => {
    expect(ROUTES).toEqual(
      expect.arrayContaining(['app/api/ics/route.ts', 'app/api/stagiaires/route.ts', 'app/api/sso/callback/route.ts', 'app/api/conventions/[enrolmentId]/route.ts']),
    );
    expect(ROUTES.length).toBeGreaterThanOrEqual(11);
  });

  it.each(ROUTES)('%s: the database out of reach → a French 503 « réessayez dans un instant », nothing of the error', async (file) => {
    // Signed in: the person is read from the database at each request.
    setPrisma(failingClient(unreachable));
    const res = await call(file, true);
    setPrisma(real());
    const body = await res.text();
    expect({ file, status: res.status, retry: res.headers.get('retry-after') }).toEqual({ file, status: 503, retry: file.includes('/sso/') ? null : '5' });
    expect(body).toContain(DATABASE_UNAVAILABLE);
    expect(body + logged.join('\n')).not.toMatch(/jeanne|db\.internal|example\.fr|\bat \//);
    // Signed out: the same 503, or the refusal that needs no database (« Connectez-vous » on the portal).
    setPrisma(failingClient(unreachable));
    const anonymous = await call(file, false);
    setPrisma(real());
    expect(anonymous.status === 503 || (anonymous.status >= 300 && anonymous.status < 500)).toBe(true);
  });

  it.each(ROUTES)('%s: an unexpected failure → a French 500, logged without its text', async (file) => {
    setPrisma(failingClient(bug));
    const res = await call(file, true);
    setPrisma(real());
    expect({ file, status: res.status }).toEqual({ file, status: 500 });
    const body = await res.text();
    expect(body).toContain(file.includes('/sso/') ? 'La demande n’a pas abouti' : ROUTE_FAILED);
    expect(logged.join('\n')).toMatch(/erreur inattendue \(TypeError\)/);
    expect(body + logged.join('\n')).not.toMatch(/jeanne|example\.fr|Cannot read/);
  });
});
