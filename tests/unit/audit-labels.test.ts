// The audit trail's vocabulary and its rules, read from the sources: every action code the code base
// writes has its French label (lib/audit/labels.ts); nothing but lib/core/audit-line.ts inserts a line,
// and nothing anywhere (app, lib, scripts, seeds, tests other than the trigger's own) updates or deletes
// one. Also the journals' filters and the CSV's spreadsheet conventions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_KINDS, actionDetail, actionLabel, actionsOfKind, type AuditKind } from '@/lib/audit/labels';
import { auditFilters, auditQuery } from '@/lib/audit/filters';
import { auditCsv } from '@/lib/audit/csv';
import type { AuditRow } from '@/lib/audit/queries';

const ROOT = process.cwd();

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) continue;
    if (statSync(join(ROOT, path)).isDirectory()) files(path, out);
    else if (/\.(ts|tsx|sql)$/.test(name)) out.push(path);
  }
  return out;
}

const CODE = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/;
const literals = (text: string) => [...text.matchAll(/'([^'\n]+)'/g)].map((m) => m[1]);

/** The action codes written by the code base: `action: …` expressions (ternaries and templates too), and the codes of the same families passed to helpers. */
function writtenCodes(): Map<string, string> {
  const found = new Map<string, string>(); // code → first file
  const add = (code: string, file: string) => void (found.has(code) || found.set(code, file));
  const writers = files('lib').filter((f) => !f.startsWith('lib/audit/'));
  const texts = writers.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')] as const).filter(([, t]) => /recordAudit|writeAuditLine|enrolment_usual/.test(t));
  for (const [file, text] of texts) {
    for (const m of text.matchAll(/action:\s*([^\n,}`]+)/g)) for (const l of literals(m[1])) if (CODE.test(l)) add(l, file);
    // A template: `registration-review.${approved ? 'approve' : 'refuse'}`.
    for (const m of text.matchAll(/action:\s*`([a-z-]+)\.\$\{([^`]*)\}`/g)) for (const l of literals(m[2])) if (CODE.test(`${m[1]}.${l}`)) add(`${m[1]}.${l}`, file);
  }
  const families = new Set([...found.keys()].map((c) => c.split('.')[0]));
  for (const [file, text] of texts) for (const l of literals(text)) if (CODE.test(l) && families.has(l.split('.')[0])) add(l, file);
  return found;
}

describe('the action codes', () => {
  const written = writtenCodes();

  it('are found in the sources (the scan works)', () => {
    for (const code of [
      'class.delete',
      'membership.approve',
      'membership.revoke',
      'registration-review.refuse',
      'enrolment.create',
      'sign-in.failure',
      'pupil.assign',
      'convention.sign',
    ]) {
      expect([...written.keys()]).toContain(code);
    }
  });

  it('each has a French label', () => {
    const missing = [...written].filter(([code]) => !Object.hasOwn(AUDIT_ACTIONS, code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('the labels name codes the code base writes (no stale label)', () => {
    expect(Object.keys(AUDIT_ACTIONS).filter((code) => !written.has(code))).toEqual([]);
  });

  it('each belongs to a kind of the filter, every kind has some, and an unknown code shows as itself', () => {
    const kinds = Object.keys(AUDIT_KINDS) as AuditKind[];
    expect(kinds.flatMap((k) => actionsOfKind(k)).sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    for (const k of kinds) expect(actionsOfKind(k).length).toBeGreaterThan(0);
    expect(actionLabel('class.delete')).toBe('Classe supprimée');
    expect(actionLabel('something.new')).toBe('something.new');
  });
});

describe('no code path changes or deletes a line', () => {
  const everywhere = ['app', 'lib', 'scripts', 'prisma', 'tests', 'components'].flatMap((d) => files(d));
  const own = (f: string) => /^tests\/(integration|unit)\/audit-/.test(f);

  it('no update, upsert or delete of AuditEntry, by Prisma or in SQL (the trigger’s own tests excepted)', () => {
    const bad = /auditEntry\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|UPDATE\s+"?AuditEntry"?|DELETE\s+FROM\s+"?AuditEntry"?|TRUNCATE[^;]*"?AuditEntry"?/i;
    expect(everywhere.filter((f) => !own(f) && !f.startsWith('prisma/migrations/') && bad.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('one insert: lib/core/audit-line.ts (and the one-statement enrolment, in SQL)', () => {
    const creates = everywhere.filter((f) => /auditEntry\s*\.\s*(create|createMany)\b/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(creates.filter((f) => !f.startsWith('tests/'))).toEqual(['lib/core/audit-line.ts']);
    const sqlInserts = everywhere.filter((f) => !f.startsWith('tests/') && /INSERT\s+INTO\s+"AuditEntry"/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(sqlInserts.map((f) => relative('prisma/migrations', f).split('/')[0]).sort()).toEqual(['20261203000000_enrolment_fast', '20261204000000_audit_trail']);
  });
});

describe('the details of a line', () => {
  it('say the useful field in French, and nothing from an unexpected shape', () => {
    expect(actionDetail('sign-in.failure', { reason: 'DISABLED' })).toBe('compte désactivé');
    expect(actionDetail('sign-in.failure', { reason: 'INVALID', login: 'je.....@exemple.fr' })).toBe(
      'mot de passe incorrect ou compte inconnu · identifiant saisi : je.....@exemple.fr',
    );
    expect(actionDetail('membership.approve', { role: 'MAIN_TEACHER' })).toBe('professeur principal');
    expect(actionDetail('site-invitation.create', { email: 'a@b.fr', role: 'ADMIN' })).toBe('a@b.fr · administrateur');
    expect(actionDetail('pupil.move', { from: { id: '1', name: '3e A' }, to: { id: '2', name: '3e B' } })).toBe('3e A → 3e B');
    expect(actionDetail('pupil.move', { from: { id: '1', name: '3e A' }, to: null })).toBe('3e A → sans classe');
    expect(actionDetail('class.delete', { name: '3e C', level: '3e', schoolYear: 2026 })).toBe('3e C · année 2026-2027');
    expect(actionDetail('convention.sign', { number: '2026-DEMO-000001', party: 'GUARDIAN_1' })).toBe('n° 2026-DEMO-000001 · responsable légal 1');
    for (const odd of [null, 'texte', 3, [1, 2], { role: { nested: true } }]) expect(actionDetail('membership.approve', odd)).toBe('');
  });
});

describe('the filters of the query string', () => {
  it('keep what is valid and ignore the rest, never an error', () => {
    expect(auditFilters({})).toEqual({ from: null, to: null, kind: null, person: '', actorId: null, page: 1 });
    expect(auditFilters({ du: '2026-11-01', au: '2026-11-30', type: 'access', personne: '  Jean   Dupont ', compte: 'cm1abc', page: '3' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      kind: 'access',
      person: 'Jean Dupont',
      actorId: 'cm1abc',
      page: 3,
    });
    expect(auditFilters({ du: '2026-13-01', au: 'hier', type: 'constructor', compte: "x' OR 1=1", page: '-2' })).toEqual(auditFilters({}));
    expect(auditFilters({ du: '2026-11-30', au: '2026-11-01' })).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(auditFilters({ personne: 'x'.repeat(500) }).person).toHaveLength(100);
    expect(auditFilters({ type: ['pupils', 'access'], page: '1e3' })).toMatchObject({ kind: 'pupils', page: 1000 });
  });

  it('write back the same query (the page dropped unless asked)', () => {
    const f = auditFilters({ du: '2026-11-01', type: 'team', personne: 'Le Bihan', page: '4' });
    expect(auditQuery(f)).toBe('du=2026-11-01&type=team&personne=Le+Bihan');
    expect(auditQuery(f, 4)).toBe('du=2026-11-01&type=team&personne=Le+Bihan&page=4');
    expect(auditFilters(Object.fromEntries(new URLSearchParams(auditQuery(f, 4))))).toEqual(f);
  });
});

describe('the CSV', () => {
  const row = (over: Partial<AuditRow>): AuditRow => ({
    id: '1',
    at: new Date('2026-07-14T08:05:00Z'),
    action: 'class.delete',
    label: 'Classe supprimée',
    detail: '3e A',
    who: 'Claire Martin',
    whoId: 'u1',
    where: 'Collège les Ormeaux (Rennes)',
    ip: '203.0.113.9',
    ...over,
  });

  it('opens in a French spreadsheet: BOM, « ; », CRLF, jj/mm/aaaa and Paris time, quoting', () => {
    const csv = auditCsv([row({}), row({ who: 'Dupont; Jean', ip: null })]);
    expect(csv.startsWith('\ufeffDate;Heure;Personne;Action;Détail;Lieu;Adresse IP\r\n')).toBe(true);
    expect(csv).toContain('\r\n14/07/2026;10 h 05;Claire Martin;Classe supprimée;3e A;Collège les Ormeaux (Rennes);203.0.113.9\r\n');
    expect(csv).toContain(';"Dupont; Jean";');
    expect(csv.endsWith(';\r\n')).toBe(true);
  });

  it('never lets a typed text run as a formula', () => {
    const csv = auditCsv([row({ who: '=HYPERLINK("http://x")', detail: '+33 6', where: '@SUM(A1)' })]);
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(csv).toContain(";'+33 6;");
    expect(csv).toContain(";'@SUM(A1);");
  });
});
