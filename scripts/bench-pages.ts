// Benchmark of the pages over HTTP, at the size of an académie (`npm run bench -- pages`): the built app
// (`next start`, as in production) on the data of `npm run seed:scale`, first on PGlite, then on a
// throwaway PostgreSQL (scripts/throwaway-postgres.ts), loaded by autocannon from this process.
//   npx tsx scripts/bench-pages.ts [pglite|postgres]   (both when not given)
//   BENCH_DURATION=<s> (default 10) per page, after BENCH_WARMUP=<s> (default 2) not counted;
//   BENCH_CONNECTIONS=<n> (default 50) concurrent connections;
//   BENCH_PROCESSES=<n> (default 1): on PostgreSQL, the app as n processes (WEB_CONCURRENCY, scripts/cluster.mjs);
//   BENCH_PAGES=<label>,<label> only those pages (and /connexion, the ceiling), e.g. BENCH_PAGES=/liste;
//   BENCH_SERVER_PROFILE=<dir>: the server runs with node --cpu-prof into that folder (a .cpuprofile at its stop).
//
// Each database gets a fresh seed:scale (its own process: the time it takes is printed too), then the
// server (its own build folder, .data/bench-build, so a running `npm start` is never rebuilt under its
// feet) with OUTBOX_WORKER=off: the mail worker and the reminder loops, which have nothing to do on
// this data, stay quiet, so that the numbers and the query counts are the pages' own.
// Sign-in goes the real way: the portal's form (next-auth's csrf, then its credentials callback) for
// the platform's administrator and for a collège principal; the administrator's platform session
// comes from the one sign-in handshake (/api/sso/start → the portal's /api/sso/authorize → the
// platform's /api/sso/callback) followed with a cookie jar. *.localhost names do not resolve on every
// machine: every request goes to 127.0.0.1 with the Host header of its site.
//
// Pages, each requested as a browser's page load (Accept: text/html, Sec-Fetch-Dest: document):
//   portal /connexion, signed out: no query, the machine's ceiling for a Next page (ratio 1);
//   the platform's /calendrier, /liste, /stages/[id] (its busiest upcoming stage), / (dashboard) and
//   /stagiaires, as its administrator; the portal's /etablissement/classes/[id] (a class of 3e), as
//   the collège's principal.
// Prints one JSON line per page and database on stdout:
//   {"bench":"page","db":"pglite","path":"/calendrier","rps":…,"p50_ms":…,"p97_5_ms":…,"ratio":…,"queries":…}
// rps: autocannon's mean of the per-second counts; p50_ms / p97_5_ms: its latency percentiles;
// ratio: rps / the rps of /connexion in the same run; "errors" appears when some answers were not 2xx
// (or failed, or timed out). queries: the SQL statements of one warm request (BEGIN and COMMIT
// included), counted by the throwaway PostgreSQL itself (log_statement = 'all' turned on for the
// count only, with the server otherwise idle): no change to the app. PGlite runs the same code, so its
// lines carry the PostgreSQL count (they are printed after the PostgreSQL run; null when only PGlite
// ran). The statements of each page are listed on stderr.
// One line per database for seed:scale: {"bench":"seed-scale","db":…,"seconds":…,"insert_seconds":…}.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ROOT } from './build.ts';
import { freePort, killGroup, startNext, waitForHttp } from './app-process.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';
import type { ScaleSummary } from './seed-scale.ts';
import { SSO_CHECKED_COOKIE } from '../lib/core/sso-flow.ts';

type Kind = 'pglite' | 'postgres';
const DIST = '.data/bench-build';
const TSCONFIG = '.data/tsconfig.bench.json';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const ONLY = (process.env.BENCH_PAGES ?? '').split(',').filter(Boolean);
const PROFILE_DIR = process.env.BENCH_SERVER_PROFILE;
const say = (s: string) => process.stderr.write(`[bench-pages] ${s}\n`);

// ───────────────────────────── HTTP with a cookie jar ─────────────────────────────

/** Host-only cookies, per host name (no port), as a browser keeps them. */
type Jar = Map<string, Map<string, string>>;
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function cookieHeader(jar: Jar, host: string): string {
  return [...(jar.get(host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
}

function keep(jar: Jar, host: string, setCookie: string[] | undefined) {
  const cookies = jar.get(host) ?? new Map<string, string>();
  for (const line of setCookie ?? []) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
  jar.set(host, cookies);
}

/** One request to the local server with the Host of `host`, cookies from and into the jar; no redirect followed. */
function request(port: number, input: { host: string; path: string; jar: Jar; method?: string; body?: string; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const cookie = cookieHeader(input.jar, input.host);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent: false, // a fresh connection: a kept-alive one may be closed by the server just as it is reused (ECONNRESET)
        method: input.method ?? 'GET',
        path: input.path,
        headers: { host: `${input.host}:${port}`, ...(cookie ? { cookie } : {}), ...input.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          keep(input.jar, input.host, res.headers['set-cookie']);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`pas de réponse à ${input.path} en 60 s`)));
    req.end(input.body);
  });
}

/** The portal's sign-in form, as SignInForm sends it: next-auth's csrf token, then its credentials callback. */
async function portalSignIn(port: number, login: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrf = await request(port, { host: 'localhost', path: '/api/auth/csrf', jar });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email: login, password, remember: 'false', csrfToken, json: 'true' }).toString();
  await request(port, {
    host: 'localhost',
    path: '/api/auth/callback/credentials',
    method: 'POST',
    body,
    jar,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) },
  });
  const session = JSON.parse((await request(port, { host: 'localhost', path: '/api/auth/session', jar })).body) as { user?: unknown };
  if (!session?.user) throw new Error(`La connexion de ${login} au portail a échoué.`);
  return jar;
}

/**
 * The one sign-in handshake, followed redirect by redirect: the platform ends with its own session cookie
 * in the jar — or, for a jar with no portal session (`signedIn` false), with the platform's « checked »
 * cookie, as a visitor's browser keeps it: their next page loads are served as such, with no handshake.
 */
async function platformSignIn(port: number, jar: Jar, host: string, signedIn = true): Promise<void> {
  let url = new URL(`http://${host}:${port}/api/sso/start?return=%2F`);
  const trace: string[] = [];
  for (let hop = 0; hop < 8; hop++) {
    const r = await request(port, { host: url.hostname, path: `${url.pathname}${url.search}`, jar, headers: { accept: 'text/html' } });
    trace.push(`${url.hostname}${url.pathname} → ${r.status}${r.headers.location ? ` ${r.headers.location.replace(/([?&](code|state)=)[^&]+/g, '$1…')}` : ''}`);
    if (r.status < 300 || r.status >= 400 || !r.headers.location) break;
    url = new URL(r.headers.location, url);
    if (url.hostname === host && !url.pathname.startsWith('/api/')) break; // back on the platform's page
  }
  const names = [...(jar.get(host)?.keys() ?? [])];
  if (signedIn && !names.some((k) => k.includes('next-auth.session-token')))
    throw new Error(`La connexion unique n’a pas donné de session sur ${host} : ${trace.join(' ; ')}`);
  if (!signedIn && !names.includes(SSO_CHECKED_COOKIE)) throw new Error(`La visite de ${host} sans session n’a pas abouti : ${trace.join(' ; ')}`);
}

// ───────────────────────────── the pages ─────────────────────────────

type Page = { label: string; path: string; host: string; jar: Jar; marker: string };

const PAGE_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'fr-FR,fr;q=0.9',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
  'user-agent': 'ministage-bench-pages',
};

async function pagesOf(port: number, summary: ScaleSummary): Promise<Page[]> {
  const b = summary.bench;
  const platform = `${b.platform.slug}.localhost`;
  const admin = await portalSignIn(port, b.platform.admin, b.password);
  await platformSignIn(port, admin, platform).catch((err: Error) => {
    say(`${err.message} ; nouvel essai.`);
    return platformSignIn(port, admin, platform);
  });
  const principal = await portalSignIn(port, b.college.principal, b.password);
  const anonymous: Jar = new Map();
  const visitor: Jar = new Map();
  await platformSignIn(port, visitor, platform, false);
  return [
    { label: '/connexion', path: '/connexion', host: 'localhost', jar: anonymous, marker: '<h1>Connexion</h1>' },
    { label: '/calendrier', path: '/calendrier', host: platform, jar: admin, marker: 'Calendrier des stages' },
    { label: '/calendrier (visiteur)', path: '/calendrier', host: platform, jar: visitor, marker: 'Calendrier des stages' },
    { label: '/liste', path: '/liste', host: platform, jar: admin, marker: 'Liste des stages' },
    { label: '/liste (visiteur)', path: '/liste', host: platform, jar: visitor, marker: 'Liste des stages' },
    { label: '/stages/[id]', path: `/stages/${b.stageId}`, host: platform, jar: admin, marker: '<title>Stage ' },
    { label: '/stages/[id] (visiteur)', path: `/stages/${b.stageId}`, host: platform, jar: visitor, marker: '<title>Stage ' },
    { label: '/', path: '/', host: platform, jar: admin, marker: 'Tableau de bord' },
    { label: '/stagiaires', path: '/stagiaires', host: platform, jar: admin, marker: 'Stagiaires' },
    { label: '/etablissement/classes/[id]', path: `/etablissement/classes/${b.classId}`, host: 'localhost', jar: principal, marker: `Classe ${b.className}` },
  ];
}

/** The page answers 200 with its own content (not a sign-in form, not « Accès réservé »). */
async function check(port: number, page: Page) {
  const r = await request(port, { host: page.host, path: page.path, jar: page.jar, headers: PAGE_HEADERS });
  const denied = r.body.includes('Accès réservé') || (page.label !== '/connexion' && r.body.includes('type="password"'));
  if (r.status !== 200 || denied || !r.body.includes(page.marker)) {
    throw new Error(
      `${page.host}${page.path} : réponse ${r.status}${r.headers.location ? ` → ${r.headers.location}` : ''}${denied ? ' (accès refusé)' : ''}, « ${page.marker} » attendu.`,
    );
  }
}

type Measure = { rps: number; p50: number; p975: number; errors: number; kb: number };

function cannon(port: number, page: Page, seconds: number): Promise<autocannon.Result> {
  const cookie = cookieHeader(page.jar, page.host);
  return autocannon({
    url: `http://127.0.0.1:${port}${page.path}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    headers: { host: `${page.host}:${port}`, ...PAGE_HEADERS, ...(cookie ? { cookie } : {}) },
  });
}

/** autocannon stops at its duration with requests still being served: one more, awaited, waits for them. */
const drain = (port: number, page: Page) => request(port, { host: page.host, path: page.path, jar: page.jar, headers: PAGE_HEADERS });

async function measure(port: number, page: Page): Promise<Measure> {
  if (WARMUP > 0) await cannon(port, page, WARMUP);
  await drain(port, page);
  const r = await cannon(port, page, DURATION);
  await drain(port, page);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    errors: r.non2xx + r.errors + r.timeouts,
    kb: r.requests.total ? Math.round(r.throughput.total / r.requests.total / 1024) : 0,
  };
}

// ───────────────────────────── counting the SQL of one request (PostgreSQL) ─────────────────────────────

const STATEMENT = /LOG:\s+(?:statement|execute [^:]*):\s*(.*)$/;

/** The statements of a log excerpt: a statement's text may start on the next lines (tab-indented). */
function statementsOf(log: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  for (const line of log.split('\n')) {
    const m = STATEMENT.exec(line);
    if (m) {
      if (current !== null) out.push(current);
      current = m[1];
    } else if (current !== null && line.startsWith('\t')) current += `\n${line.slice(1)}`;
    else if (current !== null) {
      out.push(current);
      current = null;
    }
  }
  if (current !== null) out.push(current);
  return out;
}

function label(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1].toUpperCase() ?? '?';
  const table = /(?:FROM|INTO|UPDATE|JOIN)\s+(?:"public"\.)?"(\w+)"/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/** The statements one request of each page sends (the third of three, warm), read from the server's log. */
async function countQueries(port: number, server: ThrowawayPostgres, url: string, pages: Page[]): Promise<Map<string, number>> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const setLog = async (value: 'all' | 'none') => {
    await admin.query(`ALTER SYSTEM SET log_statement = '${value}'`);
    await admin.query('SELECT pg_reload_conf()');
    await new Promise((r) => setTimeout(r, 500));
  };
  const counts = new Map<string, number>();
  await setLog('all');
  try {
    for (const page of pages) {
      let statements: string[] = [];
      for (let i = 0; i < 3; i++) {
        const from = readFileSync(server.logFile).length;
        await request(port, { host: page.host, path: page.path, jar: page.jar, headers: PAGE_HEADERS });
        await new Promise((r) => setTimeout(r, 150));
        statements = statementsOf(server.log(from));
      }
      counts.set(page.label, statements.length);
      const runs: string[] = [];
      const labels = statements.map(label);
      for (let i = 0; i < labels.length; i++) {
        let n = 1;
        for (; labels[i + 1] === labels[i]; i++) n++;
        runs.push(n > 1 ? `${labels[i]} ×${n}` : labels[i]);
      }
      say(`requêtes de ${page.label} (${statements.length}) : ${runs.join(' · ') || 'aucune'}`);
    }
  } finally {
    await setLog('none');
    await admin.end();
  }
  return counts;
}

// ───────────────────────────── one database ─────────────────────────────

type Row = { db: Kind; page: Page; m: Measure };

/** `npm run seed:scale -- --json` in its own process; its summary (the last stdout line) and its wall time. */
function seed(databaseUrl: string): Promise<{ summary: ScaleSummary; seconds: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/seed-scale.ts'), '--json'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`seed:scale a échoué (code ${code}) :\n${err}${out}`));
      const last = out.trim().split('\n').at(-1) ?? '';
      resolve({ summary: JSON.parse(last) as ScaleSummary, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

async function startServer(databaseUrl: string, dir: string, processes: number): Promise<{ port: number; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const logFile = join(dir, 'server.log');
  const log = createWriteStream(logFile);
  const child = startNext({
    port,
    distDir: DIST,
    quiet: true,
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      ROOT_DOMAIN: 'localhost',
      OUTBOX_WORKER: 'off',
      ROLLOVER_SCHEDULE: 'off', // in July or August it would close the bench data's school year
      SMTP_URL: 'smtp://127.0.0.1:9', // never used: the worker is off
      NEXT_TSCONFIG: TSCONFIG,
      WEB_CONCURRENCY: String(processes),
    },
    nodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitForHttp(port, 120_000, child);
  } catch (err) {
    killGroup(child);
    throw new Error(`${(err as Error).message}\n${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : ''}`, { cause: err });
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    killGroup(child);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    killGroup(child, 'SIGKILL');
  };
  return { port, child, stop };
}

async function runOn(kind: Kind): Promise<{ rows: Row[]; queries: Map<string, number> | null }> {
  const dir = mkdtempSync(join(tmpdir(), `ministage-bench-pages-${kind}-`));
  let server: ThrowawayPostgres | null = null;
  let app: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    let url: string;
    if (kind === 'pglite') url = `pglite:${join(dir, 'db')}`;
    else {
      server = await startThrowawayPostgres();
      url = `${server.server}/postgres`;
    }
    const { summary, seconds } = await seed(url);
    console.log(JSON.stringify({ bench: 'seed-scale', db: kind, seconds: Math.round(seconds * 10) / 10, insert_seconds: summary.seconds, ...summary.counts }));
    say(`${kind} : seed:scale ${seconds.toFixed(1)} s (dont ${summary.seconds} s de données) ; démarrage du serveur…`);
    app = await startServer(url, dir, kind === 'postgres' ? PROCESSES : 1);
    const pages = (await pagesOf(app.port, summary)).filter((p) => !ONLY.length || p.label === '/connexion' || ONLY.includes(p.label));
    for (const p of pages) await check(app.port, p);
    const queries = server ? await countQueries(app.port, server, url, pages) : null;
    const rows: Row[] = [];
    for (const page of pages) {
      const m = await measure(app.port, page);
      say(
        `${kind} ${page.label} : ${m.rps.toFixed(1)} requêtes/s, p50 ${m.p50} ms, p97,5 ${m.p975} ms, ${m.kb} ko par réponse${m.errors ? `, ${m.errors} erreurs` : ''}`,
      );
      rows.push({ db: kind, page, m });
    }
    return { rows, queries };
  } catch (err) {
    const log = join(dir, 'server.log');
    if (existsSync(log)) say(`${kind} : fin du journal du serveur :\n${readFileSync(log, 'utf8').slice(-4000)}`);
    throw err;
  } finally {
    await app?.stop();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(rows: Row[], queries: Map<string, number> | null) {
  const ceiling = rows.find((r) => r.page.label === '/connexion')?.m.rps ?? 0;
  for (const { db, page, m } of rows) {
    console.log(
      JSON.stringify({
        bench: 'page',
        db,
        path: page.label,
        processes: db === 'postgres' ? PROCESSES : 1,
        rps: Math.round(m.rps * 10) / 10,
        p50_ms: m.p50,
        p97_5_ms: m.p975,
        ratio: ceiling ? Math.round((m.rps / ceiling) * 100) / 100 : null,
        queries: queries?.get(page.label) ?? null,
        ...(m.errors ? { errors: m.errors } : {}),
      }),
    );
  }
}

// ───────────────────────────── main ─────────────────────────────

const arg = process.argv[2];
if (arg && arg !== 'pglite' && arg !== 'postgres') {
  console.error(`Base inconnue : ${arg}. Au choix : pglite, postgres (les deux par défaut).`);
  process.exit(2);
}
// Next adds its distDir to the tsconfig it builds with: the bench's build gets its own copy.
const tsconfig = join(ROOT, TSCONFIG);
if (!existsSync(tsconfig)) {
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  writeFileSync(tsconfig, JSON.stringify({ extends: '../tsconfig.json' }, null, 2));
}
process.env.NEXT_TSCONFIG = TSCONFIG;
let failed = false;
try {
  // In a child process with its output on stderr: stdout holds the JSON lines only.
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build.ts'), DIST], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error('la construction de l’application a échoué.');
  say(`${DURATION} s par page (après ${WARMUP} s de mise en route), ${CONNECTIONS} connexions simultanées.`);
  const kinds: Kind[] = arg ? [arg as Kind] : ['pglite', 'postgres'];
  const results = new Map<Kind, Row[]>();
  let counts: Map<string, number> | null = null;
  for (const kind of kinds) {
    try {
      const { rows, queries } = await runOn(kind);
      results.set(kind, rows);
      counts = queries ?? counts;
    } catch (err) {
      failed = true;
      say(`${kind} : ÉCHEC — ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const kind of kinds) if (results.has(kind)) print(results.get(kind)!, counts);
} catch (err) {
  failed = true;
  say(`ÉCHEC — ${err instanceof Error ? err.message : String(err)}`);
}
process.exit(failed ? 1 : 0);
