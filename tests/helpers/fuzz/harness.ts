// The fuzzing harness shared by tests/integration/fuzz-*.test.ts: a change log on every table, the
// « French message » check, and one fast-check run per target with its count of inputs.
//
// What « changed nothing » means here: no row inserted, updated or deleted in any table, as seen by a
// row trigger on each one that writes to `fuzz_change` inside the same transaction (a rolled-back
// attempt leaves nothing). Excluded, explicitly: "RateLimit" (every request, even refused, is counted
// by the throttles — that is their job). An input the server accepts (ok: true, a 200 page, a 303)
// may change rows: it is counted as « accepted » and the next input is compared with the new state.
// Each target is also compared before/after with a cheap fingerprint (row count and max("updatedAt")
// of every table) whenever none of its inputs was accepted.
import fc from 'fast-check';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { describe as show } from './values';
import { notFrench } from './french';
// zod's defaults in French, as the server's runAction must load them (see the report: one import line
// in lib/core/action.ts; tests/integration/fuzz-french-defaults.test.ts fails until it is there).
import '@/lib/core/zod-fr';

/** Tables whose rows a refused input may legitimately change (and why). */
const UNWATCHED_TABLES = ['RateLimit'] as const;

/** One fixed seed for every fuzz file (FUZZ_SEED overrides it to explore; the seed is printed). */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Inputs per target (FUZZ_RUNS overrides it). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

export async function watchChanges(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS fuzz_change (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)');
  await prisma.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION fuzz_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fuzz_change (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`,
  );
  for (const t of await tables(prisma)) {
    if ((UNWATCHED_TABLES as readonly string[]).includes(t)) continue;
    await prisma.$executeRawUnsafe(`CREATE TRIGGER fuzz_note AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION fuzz_note()`);
  }
}

async function tables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ t: string }[]>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('fuzz_change', '_prisma_migrations') ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

/** The last change's number (0: none yet). */
async function lastChange(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>('SELECT COALESCE(MAX(id), 0)::int AS n FROM fuzz_change');
  return row.n;
}

async function changesAfter(prisma: PrismaClient, n: number): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ tbl: string; op: string }[]>(`SELECT tbl, op FROM fuzz_change WHERE id > ${n} ORDER BY id LIMIT 20`);
  return rows.map((r) => `${r.op} ${r.tbl}`);
}

/** Row count and max("updatedAt") of every watched table, as one string. */
async function fingerprint(prisma: PrismaClient): Promise<string> {
  const parts: string[] = [];
  for (const t of await tables(prisma)) {
    if ((UNWATCHED_TABLES as readonly string[]).includes(t)) continue;
    const cols = await prisma.$queryRawUnsafe<{ c: string }[]>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${t}' AND column_name = 'updatedAt'`,
    );
    const [row] = await prisma.$queryRawUnsafe<{ n: number; u: string | null }[]>(
      `SELECT COUNT(*)::int AS n, ${cols.length ? 'MAX("updatedAt")::text' : 'NULL::text'} AS u FROM "${t}"`,
    );
    parts.push(`${t}:${row.n}:${row.u ?? '-'}`);
  }
  return parts.join(' ');
}

/** Every message of an action's refusal: its message and each field error. */
function refusalProblems(error: { code?: unknown; message?: unknown; fieldErrors?: unknown }): string[] {
  const problems: string[] = [];
  if (error.code === 'UNEXPECTED') problems.push('an unexpected error (the browser gets « Une erreur inattendue » — a 500)');
  const m = notFrench(error.message);
  if (m) problems.push(`message ${m}`);
  const fe = error.fieldErrors;
  if (fe !== undefined) {
    if (!fe || typeof fe !== 'object') problems.push(`fieldErrors is not an object: ${show(fe)}`);
    else
      for (const [field, messages] of Object.entries(fe)) {
        if (!Array.isArray(messages)) problems.push(`fieldErrors.${field} is not a list`);
        else for (const msg of messages) if (notFrench(msg)) problems.push(`fieldErrors.${field}: ${notFrench(msg)}`);
      }
  }
  return problems;
}

// ───────────────────────────── one run per target ─────────────────────────────

/** What a target's one call answered. `accepted`: the server did what was asked (rows may change). */
export type Verdict = { accepted: boolean; problems: string[] };

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const tally: { file: string; target: string; runs: number; accepted: number; ms: number }[] = [];

/** Jest's console is noisy with runAction's logged « unexpected error »: the problems list says it anyway. */
function quiet<T>(fn: () => Promise<T>): Promise<T> {
  const saved = console.error;
  const savedWarn = console.warn;
  console.error = () => undefined;
  console.warn = () => undefined;
  return fn().finally(() => {
    console.error = saved;
    console.warn = savedWarn;
  });
}

/**
 * Runs `RUNS` generated inputs through `call` and checks each verdict: no problem, and — unless the
 * input was accepted — no row changed anywhere but in `mayWrite` (« INSERT AuditEntry »: a refusal
 * the trail records by design, said by the caller). Counts the inputs for the summary.
 */
export async function fuzz<T>(
  prisma: PrismaClient,
  file: string,
  target: string,
  input: fc.Arbitrary<T>,
  call: (input: T) => Promise<Verdict>,
  opts: { runs?: number; mayWrite?: string[] } = {},
): Promise<void> {
  const runs = opts.runs ?? RUNS;
  const entry = { file, target, runs: 0, accepted: 0, ms: 0 };
  const started = process.cpuUsage();
  tally.push(entry);
  const before = await fingerprint(prisma);
  await fc.assert(
    fc.asyncProperty(input, async (value) => {
      entry.runs++;
      const mark = await lastChange(prisma);
      let verdict: Verdict;
      try {
        verdict = await quiet(() => call(value));
      } catch (err) {
        verdict = { accepted: false, problems: [`threw ${err instanceof Error ? `${err.name}: ${err.message}` : show(err)}`] };
      }
      const problems = [...verdict.problems];
      if (verdict.accepted) entry.accepted++;
      else {
        const changed = (await changesAfter(prisma, mark)).filter((c) => !opts.mayWrite?.includes(c));
        if (changed.length) problems.push(`refused, yet rows changed: ${changed.join(', ')}`);
      }
      if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTO_KEYS || ({} as Record<string, unknown>).polluted !== undefined)
        problems.push('Object.prototype was polluted');
      if (problems.length) throw new Error(`${target} with ${show(value)}:\n  - ${problems.join('\n  - ')}`);
    }),
    {
      seed: SEED,
      numRuns: runs,
      endOnFailure: true,
      // fast-check's own report prints the whole counterexample (huge strings): ours is cut to size.
      reporter: (details) => {
        if (!details.failed) return;
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`fuzz failed after ${details.numRuns} inputs (seed ${details.seed}, path "${details.counterexamplePath}"):\n${cause}`);
      },
    },
  );
  const cpu = process.cpuUsage(started);
  entry.ms = (cpu.user + cpu.system) / 1000;
  if (entry.accepted === 0 && !opts.mayWrite) expect(await fingerprint(prisma)).toBe(before);
}

/** The per-target counts of this file, printed once at the end (the README's figures). */
export function printTally(file: string): void {
  const mine = tally.filter((t) => t.file === file);
  const total = mine.reduce((s, t) => s + t.runs, 0);
  const lines = mine.map(
    (t) => `  ${t.target.padEnd(58)} ${String(t.runs).padStart(6)} inputs${t.accepted ? ` (${t.accepted} accepted)` : ''} ${(t.ms / 1000).toFixed(1)} s CPU`,
  );
  console.log(`[fuzz] ${file}: ${mine.length} targets, ${total} inputs, seed ${SEED}\n${lines.join('\n')}`);
}

/** The verdict of a server action's answer ({ ok, data } | { ok: false, error }). */
function actionVerdict(out: unknown): Verdict {
  if (!out || typeof out !== 'object' || !('ok' in out)) return { accepted: false, problems: [`not an action result: ${show(out)}`] };
  const r = out as { ok: boolean; error?: { code?: unknown; message?: unknown; fieldErrors?: unknown } };
  if (r.ok === true) return { accepted: true, problems: [] };
  if (!r.error || typeof r.error !== 'object') return { accepted: false, problems: [`a refusal without error: ${show(out)}`] };
  return { accepted: false, problems: refusalProblems(r.error) };
}

/** A server action called as `who()` (a user id or nobody, and the request's host) from a new client address. */
export function actionCall(
  action: (input: unknown) => Promise<unknown>,
  who: () => { userId: string | null; host: string },
  setActor: (userId: string | null, host: string) => void,
  freshRequest: (host: string) => void,
) {
  return async (input: unknown): Promise<Verdict> => {
    const { userId, host } = who();
    setActor(userId, host);
    freshRequest(host);
    return actionVerdict(await action(input));
  };
}
