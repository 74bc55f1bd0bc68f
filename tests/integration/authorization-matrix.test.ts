// The authorization matrix, generated from the code: every server action (every exported async
// function of every 'use server' file) and every route handler (each exported HTTP method of
// app/**/route.ts) × every role × the target's place → the outcome the table of
// tests/helpers/matrix/table.ts expects (written by hand: the test can fail). Actions are driven as the
// app drives them — the person from the session, the platform from the Host header, a valid input, the
// real database — and a « done » must change its row, a refusal nothing (nor write an audit line or an
// email). A new action or route without its rows fails the first tests, naming it. The matrix is printed.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/matrix/request').sessionModule);
jest.mock('next/headers', () => jest.requireActual('../helpers/matrix/request').headersModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
// ESM-only, and unused by Credentials + JWT sessions (next-auth's own route is called).
jest.mock('@auth/prisma-adapter', () => ({ PrismaAdapter: () => ({}) }));
// The anti-enumeration answers wait 400 ms whatever happens; the matrix does not need to wait.
jest.mock('@/lib/accounts/common', () => ({
  ...jest.requireActual('@/lib/accounts/common'),
  withTimingFloor: <T>(fn: () => Promise<T>) => fn(),
}));
// Hashes at a low scrypt cost (verifyPassword reads the cost from the hash): the matrix hashes about a
// hundred passwords, and the cost is not what it checks.
jest.mock('@/lib/core/password', () => {
  const actual = jest.requireActual('@/lib/core/password');
  const { randomBytes, scryptSync } = jest.requireActual('node:crypto');
  return {
    ...actual,
    hashPassword: async (pw: string) => {
      const salt = randomBytes(16);
      return `scrypt$1024$8$1$${salt.toString('base64')}$${scryptSync(pw.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
    },
  };
});
// Chromium's print is replaced by a one-page PDF (pdf-lib): who may send, sign or read a convention does
// not depend on its layout (tests/integration/conventions-*.test.ts print for real).
jest.mock('@/lib/conventions/printer', () => ({
  printPdf: async (html: string) => {
    const { PDFDocument } = jest.requireActual('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage().drawText(`Convention ${html.length}`, { x: 50, y: 700, size: 12 });
    return Buffer.from(await doc.save());
  },
  closePrinter: async () => undefined,
  printerPid: () => null,
}));

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDb } from '../helpers/db';
import { request } from '../helpers/matrix/request';
import { buildWorld, ROLE_LEGEND, ROLES, type RoleKey, type World } from '../helpers/matrix/world';
import { ACTION_CASES, defaultHost, type Ctx, type Outcome } from '../helpers/matrix/cases';
import { ROUTE_CASES } from '../helpers/matrix/routes';
import { ACTION_ROWS, ROUTE_ROWS, type Row } from '../helpers/matrix/table';
import { routeHandlers, serverActions } from '../helpers/matrix/discover';
import { formatMatrix, type CellResult } from '../helpers/matrix/print';
import type { ActionResult } from '@/lib/core/action-types';
import { setNow } from '@/lib/core/clock';
import { closePrinter } from '@/lib/conventions/printer';

process.env.AUTH_TRUST_HOST = 'true';
const db = useTestDb();
let w: World;
const results: CellResult[] = [];

const ACTIONS = serverActions();
const ROUTES = routeHandlers();

beforeAll(async () => {
  process.env.SEAL_DIR = mkdtempSync(join(tmpdir(), 'seal-'));
  w = await buildWorld(db().prisma);
}, 120_000);

afterAll(async () => {
  if (results.length) console.log(formatMatrix(results, ROLE_LEGEND));
  setNow(null);
  await closePrinter();
});

const CODES: Record<string, Outcome> = {
  UNAUTHENTICATED: '401',
  FORBIDDEN: '403',
  NOT_FOUND: '404',
  VALIDATION: '409',
  CONFLICT: '409',
  EXPIRED: '409',
  RATE_LIMITED: '429',
  UNAVAILABLE: '503',
  UNEXPECTED: '500',
};
const outcomeOf = (res: ActionResult<unknown>): Outcome => (res.ok ? 'ok' : CODES[res.error.code]);

/** What a cell may leave behind when it is refused: neither an audit line nor an email. */
const trail = async () => {
  const p = db().prisma;
  return JSON.stringify(await Promise.all([p.auditEntry.count(), p.outboxEmail.count()]));
};

const groups = (rows: Row[]) => [...new Set(rows.map((r) => r.key))].map((key) => [key, rows.filter((r) => r.key === key)] as const);

describe('the matrix covers the code', () => {
  it('finds the server actions and route handlers (the discovery itself works)', () => {
    expect(ACTIONS.length).toBeGreaterThan(50);
    expect(ROUTES.map((r) => r.key)).toEqual(expect.arrayContaining(['GET /api/ics', 'GET /api/stagiaires']));
  });

  it('has rows for every server action, and no row for an action that is gone', () => {
    const inTable = new Set(ACTION_ROWS.map((r) => r.key));
    const names = ACTIONS.map((a) => a.name);
    expect({ missing: ACTIONS.filter((a) => !inTable.has(a.name)).map((a) => `${a.file}: ${a.name}`) }).toEqual({ missing: [] });
    expect({ stale: [...inTable].filter((k) => !names.includes(k)) }).toEqual({ stale: [] });
    expect({ duplicated: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({ duplicated: [] });
    expect({ withoutCase: [...inTable].filter((k) => !ACTION_CASES[k]) }).toEqual({ withoutCase: [] });
  });

  it('has rows for every route handler, and no row for a route that is gone', () => {
    const inTable = new Set(ROUTE_ROWS.map((r) => r.key));
    const keys = ROUTES.map((r) => r.key);
    expect({ missing: ROUTES.filter((r) => !inTable.has(r.key)).map((r) => `${r.file}: ${r.method}`) }).toEqual({ missing: [] });
    expect({ stale: [...inTable].filter((k) => !keys.includes(k)) }).toEqual({ stale: [] });
    expect({ withoutCase: [...inTable].filter((k) => !ROUTE_CASES[k]) }).toEqual({ withoutCase: [] });
  });
});

describe('server actions × roles × places', () => {
  it.each(groups(ACTION_ROWS))('%s', async (name, rows) => {
    const action = ACTIONS.find((a) => a.name === name);
    const kase = ACTION_CASES[name];
    if (!action || !kase) throw new Error(`${name}: no such action, or no case in tests/helpers/matrix/cases.ts`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fn = require(join(process.cwd(), action.file))[name] as (input: unknown) => Promise<ActionResult<unknown>>;
    const p = db().prisma;
    const wrong: string[] = [];
    for (const row of rows) {
      const cell: CellResult = { key: name, place: row.place, expected: row.expected, actual: {} as Record<RoleKey, string> };
      for (const role of ROLES) {
        const c: Ctx = { w, p, role, userId: w.users[role], place: row.place };
        await p.rateLimit.deleteMany();
        const t = await kase.target(c);
        const before = JSON.stringify(await kase.probe(t, c));
        const trailBefore = await trail();
        request(c.userId, (kase.host ?? defaultHost)(c));
        const res = await fn(kase.input(t, c));
        const outcome = kase.outcome?.(res) ?? outcomeOf(res);
        const changed = JSON.stringify(await kase.probe(t, c)) !== before;
        let actual: string = outcome;
        if (outcome === 'ok' && !kase.readOnly && !changed) actual = 'ok(no change)';
        else if (outcome !== 'ok' && changed) actual = `${outcome}(changed)`;
        else if (outcome !== 'ok' && (await trail()) !== trailBefore) actual = `${outcome}(wrote)`;
        if (actual !== row.expected[role])
          wrong.push(`${name} ${row.place} ${role}: expected ${row.expected[role]}, got ${actual}${res.ok ? '' : ` — ${res.error.message}`}`);
        cell.actual[role] = actual;
        await kase.restore?.(t, c);
      }
      results.push(cell);
    }
    expect(wrong).toEqual([]);
  });
});

describe('route handlers × roles × places', () => {
  it.each(groups(ROUTE_ROWS))('%s', async (key, rows) => {
    const route = ROUTES.find((r) => r.key === key)!;
    const kase = ROUTE_CASES[key];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const handler = require(join(process.cwd(), route.file))[route.method];
    const p = db().prisma;
    const wrong: string[] = [];
    for (const row of rows) {
      const cell: CellResult = { key, place: row.place, expected: row.expected, actual: {} as Record<RoleKey, string> };
      for (const role of ROLES) {
        const c: Ctx = { w, p, role, userId: w.users[role], place: row.place };
        await p.rateLimit.deleteMany();
        const host = kase.host(c);
        const trailBefore = await trail();
        request(c.userId, host);
        const res = await kase.call(handler, host, c);
        let actual = String(res.status);
        const problem = res.status < 400 ? await kase.check?.(res, c) : null;
        if (problem) actual = `${actual}(${problem})`;
        else if (res.status >= 400 && (await trail()) !== trailBefore) actual = `${actual}(wrote)`;
        if (actual !== row.expected[role]) wrong.push(`${key} ${row.place} ${role}: expected ${row.expected[role]}, got ${actual}`);
        cell.actual[role] = actual;
      }
      results.push(cell);
    }
    expect(wrong).toEqual([]);
  });
});
