// Benchmark of the convention PDF (lib/conventions/pdf.ts `conventionPdf`) on the shared Chromium
// (lib/conventions/printer.ts): 500 prints of a realistic convention, 8 callers at a time, as the
// server would ask for them. No database.
//   npx tsx scripts/bench-pdf.ts          (or `npm run bench -- pdf`)
//   BENCH_PDFS=<n> sets the run's size (default 500); PDF_CONCURRENCY is the printer's own page limit (4).
//
// The document: two guardians, the nine default articles and the platform's own text, every party
// signed (the final version, the longest one: two pages). Its latency is the caller's, from the call
// to the bytes, so it includes the wait for one of the printer's pages when 8 callers share 4.
//
// Warm-up: 10 prints first (8 at a time), then 5 one after the other (`alone_ms`, their median: one
// print with nobody waiting), none counted: the browser's launch, its first renderers, V8's first
// compilations of React's rendering. `rss_mb_start` and `chromium_rss_mb_start` are measured after
// the warm-up, so that growth over the 500 prints shows what a running server would keep, not the
// launch; both measures (start, after) wait 2 s first, with no print running, for Chromium to end
// the renderers of the pages just closed. `open_pages_*`: the shared browser's pages then (closed
// pages do not pile up when it stays the same).
// `rss_mb_*` is this Node process (process.memoryUsage().rss); `chromium_rss_mb_*` is the sum of
// VmRSS (/proc/<pid>/status) over the printer's Chromium and its helpers (zygotes, renderers, GPU /
// utility processes: Puppeteer starts Chromium as the leader of a process group of its own). Memory
// shared between those processes counts once per process, so the sum overstates Chromium's real
// footprint; what matters here is that it does not grow.
//
// Prints exactly one JSON line on stdout; the memory per 100 prints and the verdict go to stderr.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { defaultArticles, type ConventionContent } from '../lib/conventions/content.ts';
import { conventionPdf, type Footer } from '../lib/conventions/pdf.ts';
import { closePrinter, printerPid } from '../lib/conventions/printer.ts';
import type { SignatureMark } from '../components/conventions/ConventionDocument.tsx';

const TOTAL = Number(process.env.BENCH_PDFS ?? 500);
const PARALLEL = 8;
const WARM_UP = 10;
/** Growth over the run above which the bench says memory is not flat (MB). */
const FLAT_NODE_MB = 40;
const FLAT_CHROMIUM_MB = 60;
const SETTLE_MS = 2000;

const HOST = 'Lycée professionnel Jean Guéhenno';
const HOME = 'Collège les Ormeaux';

const content: ConventionContent = {
  number: '2026-GUEHENNO-000417',
  platform: { name: 'Mini-stages du lycée Jean Guéhenno', logoUrl: null },
  host: {
    name: HOST,
    uai: '0350032V',
    addressLines: ['12 rue de la Forge', '35000 Rennes'],
    head: 'M. Alain Le Goff, Proviseur',
    contact: ['Tél. 02 99 12 34 56', 'ce.0350032v@ac-rennes.fr'],
    teacher: 'Yannick Le Bihan',
  },
  home: {
    name: HOME,
    uai: '0350033W',
    addressLines: ['3 allée des Ormeaux', '35700 Rennes'],
    head: 'Mme Claire Martin, Principale',
    contact: ['Tél. 02 99 65 43 21'],
    insurance: 'MAIF, contrat n° 1234567',
  },
  pupil: { name: 'Zoé Lefèvre', birthDate: '14/03/2012', classLabel: '3e A' },
  guardians: [
    { party: 'GUARDIAN_1', name: 'Sophie Lefèvre', contact: ['Tél. 06 12 34 56 78', 'sophie.lefevre@example.fr'] },
    { party: 'GUARDIAN_2', name: 'Marc Lefèvre', contact: ['marc.lefevre@example.fr'] },
  ],
  stage: {
    formation: 'Bac pro Métiers de l’électricité et de ses environnements connectés',
    stageType: 'Mini-stage',
    date: 'mercredi 2 décembre 2026',
    hours: '9 h 00 à 12 h 00',
    scheduleDetail: 'Accueil à 8 h 50 au hall A, atelier de 9 h 15 à 11 h 45',
    placeLines: [HOST, '12 rue de la Forge', '35000 Rennes', 'Atelier B12, bâtiment C'],
  },
  articles: [
    ...defaultArticles(HOST, HOME),
    {
      title: 'Article 10 — Dispositions particulières du lycée',
      text: 'Les élèves apportent une tenue de travail et des chaussures fermées ; le lycée prête les équipements de protection. Le repas de midi peut être pris au restaurant scolaire sur réservation auprès de la vie scolaire.',
    },
  ],
  signers: [
    { party: 'HOME_SCHOOL', role: 'Le chef d’établissement du collège d’origine', name: 'Mme Claire Martin, Principale' },
    { party: 'HOST', role: 'Le chef d’établissement du lycée d’accueil (ou le DDFPT)', name: 'M. Alain Le Goff, Proviseur' },
    { party: 'GUARDIAN_1', role: 'Le responsable légal', name: 'Sophie Lefèvre' },
    { party: 'GUARDIAN_2', role: 'Le responsable légal', name: 'Marc Lefèvre' },
  ],
};

const footer: Footer = { number: content.number, verifyCode: 'K7QM-3XPD-9RTA', verifyUrl: 'https://guehenno.ministage.fr/verification' };
const signedOn = 'lundi 23 novembre 2026 à 9 h 00';
const signatures: SignatureMark[] = content.signers.map((s) => ({
  party: s.party,
  signerName: s.name.replace(/^(M\.|Mme) /, '').replace(/, .*$/, ''),
  signedAt: signedOn,
}));

// ── Memory ──

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** The printer's Chromium: its process group's members, and the sum of their VmRSS (MB). */
function chromium(): { processes: number; rssMb: number } | null {
  const leader = printerPid();
  if (!leader) return null;
  let processes = 0;
  let kb = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // /proc/<pid>/stat: « pid (comm) state ppid pgrp … »; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== leader) continue;
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      processes++;
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // Gone between the listing and the read.
    }
  }
  return { processes, rssMb: mb(kb * 1024) };
}

// ── The run ──

/** `count` prints, `PARALLEL` callers at a time; each caller's latency in ms. `every(done)` after each print. */
async function printMany(count: number, every?: (done: number) => void): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  let done = 0;
  async function caller() {
    while (next < count) {
      next++;
      const t0 = performance.now();
      const pdf = await conventionPdf(content, { footer, signatures });
      latencies.push(performance.now() - t0);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('Le navigateur n’a pas rendu un PDF.');
      every?.(++done);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, caller));
  return latencies;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Lets Chromium end the renderers of the pages just closed, so that both measures see it at rest. */
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Pages open in the shared browser, for the diagnosis only: the printer keeps its browser on
 * globalThis (lib/conventions/printer.ts, `__ministagePrinter`) and exports no handle to it.
 */
async function openPages(): Promise<number | null> {
  const browser = (globalThis as { __ministagePrinter?: { browser: { pages(): Promise<unknown[]> } | null } }).__ministagePrinter?.browser;
  return browser ? (await browser.pages()).length : null;
}

const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;

try {
  await printMany(WARM_UP);
  const alone: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await conventionPdf(content, { footer, signatures });
    alone.push(performance.now() - t);
  }
  await settle();
  const nodeStart = process.memoryUsage().rss;
  const chromiumStart = chromium();
  const pagesStart = await openPages();
  const samples: string[] = [];
  const t0 = performance.now();
  const latencies = await printMany(TOTAL, (done) => {
    if (done % 100 !== 0) return;
    const c = chromium();
    samples.push(`${done} : Node ${mb(process.memoryUsage().rss)} MB, Chromium ${c?.rssMb ?? '?'} MB (${c?.processes ?? '?'} processus)`);
  });
  const seconds = (performance.now() - t0) / 1000;
  await settle();
  const nodeAfter = process.memoryUsage().rss;
  const chromiumAfter = chromium();
  const pagesAfter = await openPages();
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'convention-pdf',
      p50_ms: Math.round(percentile(sorted, 50)),
      p95_ms: Math.round(percentile(sorted, 95)),
      pdfs_per_s: Math.round((TOTAL / seconds) * 10) / 10,
      parallel: PARALLEL,
      rss_mb_start: mb(nodeStart),
      [`rss_mb_after_${TOTAL}`]: mb(nodeAfter),
      chromium_rss_mb_start: chromiumStart?.rssMb ?? null,
      [`chromium_rss_mb_after_${TOTAL}`]: chromiumAfter?.rssMb ?? null,
      chromium_processes_start: chromiumStart?.processes ?? null,
      [`chromium_processes_after_${TOTAL}`]: chromiumAfter?.processes ?? null,
      open_pages_start: pagesStart,
      [`open_pages_after_${TOTAL}`]: pagesAfter,
      printer_pages: Number(process.env.PDF_CONCURRENCY) || 4,
      alone_ms: Math.round(
        percentile(
          [...alone].sort((a, b) => a - b),
          50,
        ),
      ),
    }),
  );
  console.error(`[bench-pdf] mémoire par 100 PDF : ${samples.join(' ; ')}`);
  const nodeGrowth = mb(nodeAfter - nodeStart);
  const chromiumGrowth = chromiumStart && chromiumAfter ? Math.round((chromiumAfter.rssMb - chromiumStart.rssMb) * 10) / 10 : 0;
  const morePages = (pagesAfter ?? 0) - (pagesStart ?? 0);
  const growth = `Node ${signed(nodeGrowth)} MB, Chromium ${signed(chromiumGrowth)} MB, pages ouvertes ${signed(morePages)}`;
  console.error(
    nodeGrowth > FLAT_NODE_MB || chromiumGrowth > FLAT_CHROMIUM_MB || morePages > 0
      ? `[bench-pdf] ATTENTION : la mémoire grandit (${growth}) : des pages restent-elles ouvertes ?`
      : `[bench-pdf] mémoire stable (${growth}).`,
  );
} finally {
  await closePrinter();
}
