// Benchmark of the platform read models: 1 platform × 200 stages × ~600 enrolments in a fresh
// PGlite database under /tmp. Times the list, the month calendar, the dashboard, the search and
// the ICS feed, and counts the SQL queries each one sends (no N+1: a constant number).
//   npx tsx scripts/bench-stages.ts [stages=200]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { setPrisma } from '../lib/core/db.ts';
import { deployMigrations } from '../prisma/migrate.ts';
import { calendarMonth, listStages, stageContext } from '../lib/stages/queries.ts';
import { dashboardFigures } from '../lib/stages/dashboard.ts';
import { searchStages } from '../lib/stages/search.ts';
import { icsStages, buildIcs } from '../lib/stages/ics.ts';
import { parseFilters } from '../lib/stages/filters.ts';
import { parisClock } from '../lib/core/format.ts';
import { addDays, dayToDb, monthOf, weekday } from '../lib/stages/time.ts';

const STAGES = Number(process.argv[2] ?? 200);
const RUNS = 30;
const dir = mkdtempSync(join(tmpdir(), 'ministage-bench-stages-'));
await deployMigrations({ kind: 'pglite', dir });
const pglite = new PGlite(dir);
const prisma = new PrismaClient({
  adapter: new PrismaPGlite(pglite),
  transactionOptions: { maxWait: 30_000, timeout: 30_000 },
  log: [{ emit: 'event', level: 'query' }],
});
let queries = 0;
prisma.$on('query', () => void queries++);
setPrisma(prisma);

// ── Data: one lycée platform, 6 formations, 4 teachers, STAGES stages from tomorrow on, 10 collèges × 40 pupils.
const t0 = performance.now();
await prisma.academy.create({ data: { code: 'rennes', name: 'Rennes', emailDomain: 'ac-rennes.fr', holidayZone: 'B' } });
const lycee = await prisma.establishment.create({
  data: { uai: '0350032V', name: 'Lycée Louis Guilloux', kind: 'LYCEE', city: 'Rennes', departmentCode: '035', academyCode: 'rennes' },
});
const site = await prisma.site.create({ data: { establishmentId: lycee.id, name: 'Lycée des métiers Démo', slug: 'demo' } });
const formations = await prisma.formation.createManyAndReturn({
  data: ['Électricité', 'Commerce', 'Accueil', 'Gestion', 'Cuisine', 'Menuiserie'].map((name, i) => ({ siteId: site.id, type: i < 4 ? 'Bac pro' : 'CAP', name })),
});
const teachers = await prisma.teacher.createManyAndReturn({
  data: ['Durand', 'Lambert', 'Haddad', 'Guillou'].map((lastName) => ({ siteId: site.id, firstName: 'P', lastName })),
});
const today = parisClock().day;
const days: string[] = [];
for (let d = addDays(today, 1); days.length < Math.ceil(STAGES / 2); d = addDays(d, 1)) if (weekday(d) !== 0) days.push(d);
const stages = await prisma.stage.createManyAndReturn({
  data: Array.from({ length: STAGES }, (_, i) => ({
    siteId: site.id,
    formationId: formations[i % 6].id,
    teacherId: teachers[i % 4].id,
    date: dayToDb(days[Math.floor(i / 2)]),
    startMinutes: i % 2 ? 810 : 540,
    endMinutes: i % 2 ? 990 : 720,
    capacity: 8,
    stageType: i % 5 ? 'Mini-stage' : 'Journée découverte',
    scheduleDetail: i % 2 ? 'Après-midi' : 'Matin',
    audience: ['3e'],
  })),
});
const uais = ['0350033W', '0352274G', '0351847T', '0352260S', '0350022J', '0351969A', '0350048M', '0351054F', '0350710G', '0352235P'];
let enrolments = 0;
for (const [c, uai] of uais.entries()) {
  const est = await prisma.establishment.create({ data: { uai, name: `Collège ${c + 1}`, kind: 'COLLEGE', city: 'Rennes', departmentCode: '035' } });
  const pupils = await prisma.pupil.createManyAndReturn({
    data: Array.from({ length: 40 }, (_, i) => ({ establishmentId: est.id, schoolYear: 2026, firstName: `E${i}`, lastName: `C${c}` })),
  });
  // Each pupil in 1–2 stages (about 600 enrolments), never above the capacity.
  const rows = pupils.flatMap((p, i) =>
    [stages[(c * 17 + i * 3) % STAGES], ...(i % 2 ? [stages[(c * 29 + i * 7 + 1) % STAGES]] : [])].map((s) => ({
      stageId: s.id,
      pupilId: p.id,
      establishmentId: est.id,
    })),
  );
  await prisma.enrolment.createMany({ data: rows, skipDuplicates: true });
  enrolments += rows.length;
}
await pglite.exec(`UPDATE "Stage" s SET "enrolledCount" = LEAST(s.capacity, (SELECT count(*) FROM "Enrolment" e WHERE e."stageId" = s.id))`);
console.log(`Données : ${STAGES} stages, ${enrolments} inscriptions, 10 collèges (${Math.round(performance.now() - t0)} ms)`);

// ── Timings
async function bench(name: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  queries = 0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = queries / RUNS;
  console.log(
    `${name.padEnd(44)} médiane ${times[RUNS >> 1].toFixed(1).padStart(6)} ms   p95 ${times[Math.floor(RUNS * 0.95)].toFixed(1).padStart(6)} ms   ${q} requêtes SQL`,
  );
}
const none = parseFilters({});
await bench('Liste des stages (à venir, tri par date)', () => listStages(site.id, none));
await bench('Liste des stages (passés inclus, tri inscrits)', () => listStages(site.id, parseFilters({ passes: '1', tri: 'inscrits', ordre: 'desc' })));
await bench('Liste filtrée (filière + places disponibles)', () => listStages(site.id, parseFilters({ filiere: formations[0].id, remplissage: 'disponibles' })));
await bench('Calendrier du mois (grille de 5–6 semaines)', () => calendarMonth(site.id, monthOf(addDays(today, 20)), none));
await bench('Choix des filtres et du formulaire', () => stageContext(site.id));
await bench('Tableau de bord', () => dashboardFigures(site.id));
await bench('Recherche (tous les lycées, « electricite »)', () => searchStages({ q: 'electricite' }));
await bench('Flux ICS (construction comprise)', async () =>
  buildIcs({ siteName: site.name, host: 'demo.localhost', url: 'http://demo.localhost', stages: await icsStages(site.id) }),
);

await prisma.$disconnect();
await pglite.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
