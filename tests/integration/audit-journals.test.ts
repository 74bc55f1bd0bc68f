// The three journals: a collège's (its heads), a platform's (its administrators), the operator's (all).
// Each reads only its own lines — another collège's or platform's are never shown nor exported —,
// filters by period, kind of act and person, pages the lines (newest first), shows names (« Élève »
// for a pupil, « Compte supprimé » for a removed account) and French labels, and exports the same
// lines as CSV through route handlers with the same guards.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeTeam, type Team } from '../factories/college';
import { makeUser } from '../factories/people';
import { makeSite, type TestSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { recordAudit, type AuditInput } from '@/lib/audit/service';
import { AUDIT_PAGE_SIZE, auditActorName, auditPage, type AuditScope } from '@/lib/audit/queries';
import { auditFilters, type AuditSearch } from '@/lib/audit/filters';
import { AuditLog } from '@/components/audit/AuditLog';
import { AccessDenied } from '@/components/ui/AccessDenied';
import EstablishmentJournalPage from '@/app/(portail)/etablissement/journal/page';
import SiteJournalPage from '@/app/sites/[host]/journal/page';
import OperatorJournalPage from '@/app/(portail)/operateur/journal/page';
import { GET as establishmentCsv } from '@/app/api/journal/etablissement/route';
import { GET as siteCsv } from '@/app/api/journal/plateforme/route';
import { GET as operatorCsv } from '@/app/api/journal/operateur/route';

const db = useTestDb();
let a: Team;
let b: Team;
let x: TestSite;
let y: TestSite;
let operatorId: string;
const ids = { a: [] as string[], b: [] as string[], x: [] as string[], y: [] as string[], ax: '' };
const T0 = new Date('2026-11-02T09:00:00Z'); // Monday 2 November 2026, 10:00 in Paris

async function write(entry: AuditInput, at: Date): Promise<string> {
  setNow(at, { frozen: true });
  await db().prisma.$transaction((tx) => recordAudit(tx, entry));
  const row = await db().prisma.auditEntry.findFirstOrThrow({ where: { at }, orderBy: { id: 'desc' } });
  return row.id;
}
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const all = async (scope: AuditScope, sp: AuditSearch = {}) => {
  const out = [];
  for (let page = 1; ; page++) {
    const res = await auditPage(scope, auditFilters({ ...sp, page: String(page) }));
    out.push(...res.rows);
    if (page >= res.pages) return out;
  }
};

beforeAll(async () => {
  const p = db().prisma;
  a = await makeTeam(p, { name: 'Collège les Ormeaux' });
  b = await makeTeam(p, { name: 'Collège Françoise Dolto' });
  x = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  y = await makeSite(p, { slug: 'autre', uai: '0350041E' });
  operatorId = (await makeUser(p, { email: 'operateur@ministage.localhost', isOperator: true })).id;
  await p.user.update({ where: { id: a.members.TEACHER.user.id }, data: { firstName: 'Yannick', lastName: 'Le Bihan' } });
  const principalA = a.members.PRINCIPAL.user.id;
  // Collège A: 120 classes created (three pages), a failed sign-in, a pupil's act.
  for (let i = 0; i < 120; i++) {
    ids.a.push(await write({ actorId: principalA, action: 'class.create', establishmentId: a.establishmentId, data: { name: `3e ${i}` }, ip: '192.0.2.10' }, minutes(i)));
  }
  ids.a.push(
    await write(
      {
        actorId: a.members.TEACHER.user.id,
        action: 'sign-in.failure',
        establishmentId: a.establishmentId,
        targetType: 'User',
        data: { reason: 'INVALID' },
        ip: '192.0.2.11',
      },
      new Date('2026-11-10T12:00:00Z'),
    ),
  );
  ids.a.push(
    await write({ actorId: a.pupilUser.id, action: 'pupil.join', establishmentId: a.establishmentId, data: { to: { id: a.classA.id, name: '3e A' } } }, minutes(200)),
  );
  // Collège B, platforms X and Y.
  for (let i = 0; i < 3; i++)
    ids.b.push(await write({ actorId: b.members.PRINCIPAL.user.id, action: 'class.delete', establishmentId: b.establishmentId }, minutes(300 + i)));
  for (let i = 0; i < 2; i++) ids.x.push(await write({ actorId: x.admin.id, action: 'site.edit-options', siteId: x.site.id, ip: '192.0.2.20' }, minutes(400 + i)));
  for (let i = 0; i < 2; i++) ids.y.push(await write({ actorId: y.admin.id, action: 'site.edit-options', siteId: y.site.id }, minutes(500 + i)));
  // An enrolment by collège A on platform X: in both journals.
  ids.ax = await write(
    { actorId: principalA, action: 'enrolment.create', establishmentId: a.establishmentId, siteId: x.site.id, targetType: 'Enrolment', data: { stageId: 's' } },
    minutes(600),
  );
  setNow(null);
});
afterAll(() => setNow(null));

describe('who sees which lines', () => {
  it('a collège’s journal: its own lines only (its enrolments on a platform included)', async () => {
    const rows = await all({ kind: 'establishment', establishmentId: a.establishmentId });
    expect(rows.map((r) => r.id).sort()).toEqual([...ids.a, ids.ax].sort());
    const other = await all({ kind: 'establishment', establishmentId: b.establishmentId });
    expect(other.map((r) => r.id).sort()).toEqual([...ids.b].sort());
  });

  it('a platform’s journal: its own lines only', async () => {
    expect((await all({ kind: 'site', siteId: x.site.id })).map((r) => r.id).sort()).toEqual([...ids.x, ids.ax].sort());
    expect((await all({ kind: 'site', siteId: y.site.id })).map((r) => r.id).sort()).toEqual([...ids.y].sort());
  });

  it('the operator’s journal: every line', async () => {
    const page = await auditPage({ kind: 'all' }, auditFilters({}));
    expect(page.total).toBe(await db().prisma.auditEntry.count());
    expect(page.total).toBe(ids.a.length + ids.b.length + ids.x.length + ids.y.length + 1);
  });

  it('a « compte » filter naming someone of another collège shows nothing of them', async () => {
    const scope: AuditScope = { kind: 'establishment', establishmentId: a.establishmentId };
    expect(await auditActorName(scope, b.members.PRINCIPAL.user.id)).toBeNull();
    expect((await auditPage(scope, auditFilters({ compte: b.members.PRINCIPAL.user.id }))).total).toBe(0);
    expect(await auditActorName(scope, a.members.PRINCIPAL.user.id)).toMatch(/^Prénom\d+ Nom\d+$/);
  });
});

describe('what a line shows', () => {
  it('names, not ids; « Élève » for a pupil; the French label and detail; the place; the address', async () => {
    const rows = await all({ kind: 'establishment', establishmentId: a.establishmentId });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const principal = await db().prisma.user.findUniqueOrThrow({ where: { id: a.members.PRINCIPAL.user.id } });
    expect(byId.get(ids.a[0])).toMatchObject({
      who: `${principal.firstName} ${principal.lastName}`,
      whoId: principal.id,
      label: 'Classe créée',
      detail: '3e 0',
      where: 'Collège les Ormeaux (Rennes)',
      ip: '192.0.2.10',
    });
    expect(byId.get(ids.a[120])).toMatchObject({ who: 'Yannick Le Bihan', label: 'Échec de connexion', detail: 'mot de passe incorrect ou compte inconnu' });
    const pupilLine = byId.get(ids.a[121])!;
    expect(pupilLine).toMatchObject({ who: 'Élève', whoId: null, label: 'Élève entré dans une classe (code)', detail: 'vers 3e A', ip: null });
    const pupil = await db().prisma.pupil.findUniqueOrThrow({ where: { id: a.pupil.id } });
    expect(JSON.stringify(pupilLine)).not.toContain(pupil.lastName!);
    expect(byId.get(ids.ax)).toMatchObject({ where: 'Collège les Ormeaux (Rennes) · plateforme Lycée demo', label: 'Inscription à un stage' });
  });
});

describe('filters and pages', () => {
  const scope = (): AuditScope => ({ kind: 'establishment', establishmentId: a.establishmentId });

  it('pages of 50, newest first; a page past the end shows the last one', async () => {
    const first = await auditPage(scope(), auditFilters({}));
    expect(first).toMatchObject({ total: 123, pages: 3, page: 1 });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows[0].id).toBe(ids.a[120]); // 10 November, the newest
    const times = first.rows.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((m, n) => n - m));
    const last = await auditPage(scope(), auditFilters({ page: '99' }));
    expect(last).toMatchObject({ page: 3 });
    expect(last.rows).toHaveLength(23);
    expect(last.rows.at(-1)!.id).toBe(ids.a[0]);
  });

  it('by period (Paris days, both included)', async () => {
    const res = await auditPage(scope(), auditFilters({ du: '2026-11-10', au: '2026-11-10' }));
    expect(res.rows.map((r) => r.id)).toEqual([ids.a[120]]);
    const before = await auditPage(scope(), auditFilters({ au: '2026-11-01' }));
    expect(before.total).toBe(0);
    // Reversed bounds are read in order; a malformed day is ignored.
    expect((await auditPage(scope(), auditFilters({ du: '2026-11-30', au: '2026-11-03' }))).total).toBe(1);
    expect((await auditPage(scope(), auditFilters({ du: '2026-02-31' }))).total).toBe(123);
  });

  it('by kind of act', async () => {
    expect((await auditPage(scope(), auditFilters({ type: 'access' }))).rows.map((r) => r.id)).toEqual([ids.a[120]]);
    expect((await auditPage(scope(), auditFilters({ type: 'pupils' }))).total).toBe(121);
    expect((await auditPage(scope(), auditFilters({ type: 'enrolments' }))).rows.map((r) => r.id)).toEqual([ids.ax]);
    expect((await auditPage(scope(), auditFilters({ type: 'n’importe quoi' }))).total).toBe(123);
  });

  it('by person: typed words of a name or an address, or one account', async () => {
    expect((await auditPage(scope(), auditFilters({ personne: 'yannick le bihan' }))).rows.map((r) => r.id)).toEqual([ids.a[120]]);
    expect((await auditPage(scope(), auditFilters({ personne: 'Personne Inexistante' }))).total).toBe(0);
    expect((await auditPage(scope(), auditFilters({ compte: a.members.PRINCIPAL.user.id }))).total).toBe(121);
    // A person of another collège typed here: nothing of theirs.
    const bHead = await db().prisma.user.findUniqueOrThrow({ where: { id: b.members.PRINCIPAL.user.id } });
    expect(
      (await auditPage({ kind: 'establishment', establishmentId: b.establishmentId }, auditFilters({ personne: `${bHead.firstName} ${bHead.lastName}` }))).total,
    ).toBe(3);
    expect((await auditPage(scope(), auditFilters({ personne: `${bHead.firstName} ${bHead.lastName}` }))).total).toBe(0);
  });
});

describe('the CSV export', () => {
  const get = (handler: (req: Request) => Promise<Response>, host: string, query = '') => handler(new Request(`http://${host}/api/journal/x${query}`));

  it('of a collège: its heads only, its lines only, spreadsheet-ready', async () => {
    actAs(a.members.DEPUTY.user.id);
    const res = await get(establishmentCsv, 'localhost');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="journal-\w+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM: Excel reads UTF-8
    const body = bytes.subarray(3).toString('utf8');
    const lines = body.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Date;Heure;Personne;Action;Détail;Lieu;Adresse IP');
    expect(lines).toHaveLength(1 + 123);
    expect(lines[1]).toBe('10/11/2026;13 h 00;Yannick Le Bihan;Échec de connexion;mot de passe incorrect ou compte inconnu;Collège les Ormeaux (Rennes);192.0.2.11');
    expect(body).not.toContain('Dolto');
    const filtered = await (await get(establishmentCsv, 'localhost', '?type=enrolments')).text();
    expect(filtered.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('of a collège: refused to the other members, to nobody, and on a platform’s host', async () => {
    actAs(a.members.TEACHER.user.id);
    expect((await get(establishmentCsv, 'localhost')).status).toBe(403);
    actAs(a.members.SECRETARY.user.id);
    expect((await get(establishmentCsv, 'localhost')).status).toBe(403);
    actAs(null);
    expect((await get(establishmentCsv, 'localhost')).status).toBe(401);
    actAs(a.members.PRINCIPAL.user.id, x.host);
    expect((await get(establishmentCsv, x.host)).status).toBe(404);
  });

  it('of a platform: its administrators on its own host, its lines only', async () => {
    actAs(x.admin.id, x.host);
    const res = await get(siteCsv, x.host);
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).every((l) => l.includes('plateforme Lycée demo'))).toBe(true);
    actAs(x.admin.id, y.host); // another platform: not their admin there
    expect((await get(siteCsv, y.host)).status).toBe(403);
    actAs(x.teacherUser.id, x.host);
    expect((await get(siteCsv, x.host)).status).toBe(403);
    actAs(a.members.PRINCIPAL.user.id, x.host);
    expect((await get(siteCsv, x.host)).status).toBe(403);
    actAs(x.admin.id);
    expect((await get(siteCsv, 'localhost')).status).toBe(404);
  });

  it('of the operator: every line, to the operator only', async () => {
    actAs(operatorId);
    const res = await get(operatorCsv, 'localhost', '?du=2026-11-02&au=2026-11-02');
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 129); // every line of 2 November (Paris): both collèges, both platforms
    for (const who of [a.members.PRINCIPAL.user.id, x.admin.id]) {
      actAs(who);
      expect((await get(operatorCsv, 'localhost')).status).toBe(403);
    }
  });
});

describe('the pages', () => {
  /** The AuditLog element a page renders, or the outcome of its guard. */
  async function open(page: Promise<ReactNode>): Promise<ReactElement<{ page: { total: number } }> | 'DENIED'> {
    const tree = await page;
    if (isValidElement(tree) && tree.type === AccessDenied) return 'DENIED';
    const find = (n: ReactNode): ReactElement<{ page: { total: number } }> | null => {
      if (!isValidElement(n)) return null;
      if (n.type === AuditLog) return n as ReactElement<{ page: { total: number } }>;
      const kids = (n.props as { children?: ReactNode }).children;
      for (const k of Array.isArray(kids) ? kids : [kids]) {
        const f = find(k);
        if (f) return f;
      }
      return null;
    };
    const log = find(tree);
    if (!log) throw new Error('no journal on the page');
    return log;
  }
  const sp = (v: AuditSearch = {}) => ({ searchParams: Promise.resolve(v) });

  it('/etablissement/journal: the principal and the deputy see their collège’s; the other members are refused', async () => {
    for (const who of [a.members.PRINCIPAL.user.id, a.members.DEPUTY.user.id]) {
      actAs(who);
      const log = await open(EstablishmentJournalPage(sp()));
      expect(log !== 'DENIED' && log.props.page.total).toBe(123);
    }
    for (const role of ['TEACHER', 'MAIN_TEACHER', 'SECRETARY', 'CPE', 'COUNSELOR'] as const) {
      actAs(a.members[role].user.id);
      expect(await open(EstablishmentJournalPage(sp()))).toBe('DENIED');
    }
    actAs(b.members.PRINCIPAL.user.id);
    const theirs = await open(EstablishmentJournalPage(sp()));
    expect(theirs !== 'DENIED' && theirs.props.page.total).toBe(3);
  });

  it('/journal on a platform: its administrators; not its teachers, nor another platform’s administrator', async () => {
    actAs(x.admin.id, x.host);
    const log = await open(SiteJournalPage(sp()));
    expect(log !== 'DENIED' && log.props.page.total).toBe(3);
    actAs(x.teacherUser.id, x.host);
    expect(await open(SiteJournalPage(sp()))).toBe('DENIED');
    actAs(y.admin.id, x.host);
    expect(await open(SiteJournalPage(sp()))).toBe('DENIED');
  });

  it('/operateur/journal: the operator only', async () => {
    actAs(operatorId);
    const log = await open(OperatorJournalPage(sp({ type: 'platform' })));
    expect(log !== 'DENIED' && log.props.page.total).toBe(4);
    actAs(a.members.PRINCIPAL.user.id);
    expect(await open(OperatorJournalPage(sp()))).toBe('DENIED');
  });
});
