// Demo data: the Ille-et-Vilaine extract of the Annuaire de l'éducation, two lycée platforms with
// formations, teachers and stages over the coming weeks, two registered collèges with their team,
// classes and pupils. Idempotent: a second run changes nothing.
//   npm run db:seed            (DATABASE_URL chooses the database; SEED_STAGES=100 for a bigger demo)
// Its accounts share a password printed in the README: refused in production (APP_ENV=production)
// unless SEED_DEMO=on says so explicitly (a demonstration server).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { createPrisma, type Db } from '../lib/core/db.ts';
import { deployMigrations } from './migrate.ts';
import { importAnnuaire, formatSummary } from '../lib/reference/annuaire.ts';
import { hashPassword } from '../lib/core/password.ts';
import { isPublicHoliday, schoolHolidayOn } from '../lib/reference/holidays.ts';
import { academyOfUai, type HolidayZone } from '../lib/reference/academies.ts';
import type { StaffRole } from '../lib/generated/prisma/client.ts';
import * as clock from '../lib/core/clock.ts';
import { env } from '../lib/core/env.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEMO_PASSWORD = 'Ministage-Demo-2026';
export const ANNUAIRE_EXTRACT = join(HERE, 'data/annuaire-education-35-extrait.csv');

export const DEMO_LOGINS = [
  { who: 'Opérateur de la plateforme', login: 'operateur@ministage.localhost', where: 'portail' },
  { who: "Chef d'établissement, Collège les Ormeaux (0350033W)", login: 'ce.0350033w@ac-rennes.fr', where: 'portail' },
  { who: 'Professeure principale de 3e A, Collège les Ormeaux', login: 'marie.leroy@ac-rennes.fr', where: 'portail' },
  { who: 'Professeur principal de 3e B, Collège les Ormeaux', login: 'thomas.bernard@ac-rennes.fr', where: 'portail' },
  { who: 'Élève de 3e A, Collège les Ormeaux', login: 'lea.morel', where: 'portail' },
  { who: "Chef d'établissement, Collège Françoise Dolto (0352274G)", login: 'ce.0352274g@ac-rennes.fr', where: 'portail' },
  { who: 'Professeure des deux collèges (Ormeaux et Dolto)', login: 'anne.guerin@ac-rennes.fr', where: 'portail' },
  { who: 'DDFPT, Lycée des métiers Démo (administrateur)', login: 'claire.martin@ac-rennes.fr', where: 'demo' },
  { who: 'Enseignant, Lycée des métiers Démo', login: 'paul.durand@ac-rennes.fr', where: 'demo' },
  { who: 'Administrateur, Lycée professionnel la Champagne', login: 'jean.petit@ac-rennes.fr', where: 'champagne' },
] as const;

const FIRST = [
  'Léa',
  'Hugo',
  'Chloé',
  'Lucas',
  'Manon',
  'Nathan',
  'Inès',
  'Louis',
  'Jade',
  'Gabriel',
  'Camille',
  'Jules',
  'Emma',
  'Arthur',
  'Lina',
  'Raphaël',
  'Zoé',
  'Adam',
  'Louise',
  'Tom',
];
const LAST = [
  'Morel',
  'Le Goff',
  'Martin',
  'Bernard',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Guillou',
  'Le Gall',
  'Tanguy',
];

const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

async function user(prisma: Db, hash: string, data: { login: string; firstName: string; lastName: string; civility?: string; isOperator?: boolean; email?: boolean }) {
  const email = data.email === false ? null : data.login;
  return prisma.user.upsert({
    where: { login: data.login },
    update: {},
    create: {
      login: data.login,
      email,
      emailVerified: email ? clock.now() : null,
      firstName: data.firstName,
      lastName: data.lastName,
      civility: data.civility,
      passwordHash: hash,
      status: 'ACTIVE',
      isOperator: data.isOperator ?? false,
    },
  });
}

async function registerCollege(prisma: Db, hash: string, uai: string, head: { firstName: string; lastName: string; civility: string }) {
  const est = await prisma.establishment.findUniqueOrThrow({ where: { uai } });
  const principal = await user(prisma, hash, { login: `ce.${uai.toLowerCase()}@ac-rennes.fr`, ...head });
  await prisma.membership.upsert({
    where: { userId_establishmentId: { userId: principal.id, establishmentId: est.id } },
    update: {},
    create: { userId: principal.id, establishmentId: est.id, role: 'PRINCIPAL', function: "Chef d'établissement", status: 'ACTIVE', approvedAt: clock.now() },
  });
  await prisma.establishment.update({
    where: { id: est.id },
    data: { registeredAt: est.registeredAt ?? clock.now(), headName: `${head.civility} ${head.firstName} ${head.lastName}`, headTitle: 'Principal' },
  });
  return { est, principal };
}

async function staff(prisma: Db, hash: string, establishmentId: string, p: { login: string; firstName: string; lastName: string; role: StaffRole; fn: string }) {
  const u = await user(prisma, hash, p);
  return prisma.membership.upsert({
    where: { userId_establishmentId: { userId: u.id, establishmentId } },
    update: {},
    create: { userId: u.id, establishmentId, role: p.role, function: p.fn, status: 'ACTIVE', approvedAt: clock.now() },
  });
}

/** The demo collège: classes of the current school year with pupils (and one pupil account). */
async function seedOrmeaux(prisma: Db, hash: string, schoolYear: number) {
  const { est } = await registerCollege(prisma, hash, '0350033W', { firstName: 'Nathalie', lastName: 'Le Bihan', civility: 'Mme' });
  const leroy = await staff(prisma, hash, est.id, {
    login: 'marie.leroy@ac-rennes.fr',
    firstName: 'Marie',
    lastName: 'Leroy',
    role: 'MAIN_TEACHER',
    fn: 'Professeure principale',
  });
  const bernard = await staff(prisma, hash, est.id, {
    login: 'thomas.bernard@ac-rennes.fr',
    firstName: 'Thomas',
    lastName: 'Bernard',
    role: 'MAIN_TEACHER',
    fn: 'Professeur principal',
  });
  // Join codes from the generated alphabet (lib/classes/join-code.ts: no I, L, O, 0, 1).
  const classes = [
    { name: '3e A', level: '3e', code: 'RMS3AK', pp: leroy.id, size: 12 },
    { name: '3e B', level: '3e', code: 'RMS3BK', pp: bernard.id, size: 11 },
    { name: '4e A', level: '4e', code: 'RMS4AK', pp: null, size: 8 },
  ];
  let n = 0;
  const pupilsByClass: Record<string, string[]> = {};
  for (const c of classes) {
    const room = await prisma.classRoom.create({
      data: { establishmentId: est.id, name: c.name, level: c.level, schoolYear, joinCode: c.code, teachers: c.pp ? { create: { membershipId: c.pp } } : undefined },
    });
    pupilsByClass[c.name] = [];
    for (let i = 0; i < c.size; i++, n++) {
      const firstName = FIRST[n % FIRST.length];
      const lastName = LAST[(n * 7) % LAST.length];
      const isLea = c.name === '3e A' && i === 0;
      const account = isLea ? await user(prisma, hash, { login: 'lea.morel', firstName: 'Léa', lastName: 'Morel', email: false }) : null;
      const pupil = await prisma.pupil.create({
        data: {
          userId: account?.id,
          establishmentId: est.id,
          classRoomId: room.id,
          schoolYear,
          level: c.level,
          firstName: isLea ? 'Léa' : firstName,
          lastName: isLea ? 'Morel' : lastName,
          birthDate: new Date(Date.UTC(schoolYear - (c.level === '3e' ? 14 : 13), (n * 5) % 12, 1 + (n % 27))),
          guardians: {
            create: [
              { rank: 1, firstName: 'Sandrine', lastName: isLea ? 'Morel' : lastName, email: isLea ? 'sandrine.morel@example.fr' : null, phone: '06 12 34 56 78' },
            ],
          },
        },
      });
      pupilsByClass[c.name].push(pupil.id);
    }
  }
  // A pupil who signed up without choosing a class (shows in the « Classe » tab's count).
  await prisma.pupil.create({
    data: { establishmentId: est.id, schoolYear, level: '3e', firstName: 'Noah', lastName: 'Kerouac', birthDate: new Date(Date.UTC(schoolYear - 14, 2, 3)) },
  });
  return { est, pupilsByClass, enroller: leroy.userId };
}

const FORMATIONS_DEMO = [
  ['Bac pro', "Métiers de l'électricité et de ses environnements connectés"],
  ['Bac pro', 'Métiers du commerce et de la vente'],
  ['Bac pro', "Métiers de l'accueil"],
  ['Bac pro', 'Assistance à la gestion des organisations et de leurs activités'],
  ['CAP', 'Équipier polyvalent du commerce'],
  ['CAP', 'Électricien'],
] as const;
const TEACHERS_DEMO = [
  ['Paul', 'Durand'],
  ['Sophie', 'Lambert'],
  ['Karim', 'Haddad'],
  ['Anne', 'Guillou'],
] as const;
const SLOTS = [
  { start: 9 * 60, end: 12 * 60, detail: '9 h 00 – 12 h 00 : atelier' },
  { start: 13 * 60 + 30, end: 16 * 60 + 30, detail: '13 h 30 – 16 h 30 : atelier et échanges avec les élèves' },
  { start: 8 * 60 + 30, end: 15 * 60 + 30, detail: '8 h 30 – 12 h 00 atelier, repas au self, 13 h 00 – 15 h 30 cours' },
];

/**
 * Upcoming school days of the lycée's holiday zone, starting tomorrow: no Saturday or Sunday, no
 * public holiday, nothing during the school holidays (a lycée would not publish then).
 */
function stageDays(from: Date, count: number, zone: HolidayZone | null): Date[] {
  const days: Date[] = [];
  for (let d = addDays(utcDay(from), 1); days.length < count; d = addDays(d, 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !isPublicHoliday(d) && !schoolHolidayOn(d, zone)) days.push(d);
  }
  return days;
}

async function seedSite(
  prisma: Db,
  hash: string,
  input: {
    uai: string;
    slug: string;
    name: string;
    stages: number;
    formations: readonly (readonly [string, string])[];
    teachers: readonly (readonly [string, string])[];
    admin: { login: string; firstName: string; lastName: string };
    teacherLogin?: { login: string; firstName: string; lastName: string };
    place: string;
  },
) {
  const lycee = await prisma.establishment.findUniqueOrThrow({ where: { uai: input.uai } });
  const site = await prisma.site.create({
    data: {
      establishmentId: lycee.id,
      name: input.name,
      slug: input.slug,
      conventionReturn: 'Retourner la convention signée au secrétariat du lycée, au plus tard 3 jours avant le stage.',
      contacts: {
        create: [
          { name: `${input.admin.firstName} ${input.admin.lastName}`, role: 'DDFPT (chef de travaux)', email: input.admin.login, phone: lycee.phone, position: 1 },
          { name: 'Secrétariat', role: 'Accueil et conventions', email: lycee.directoryEmail?.toLowerCase() ?? null, phone: lycee.phone, position: 2 },
        ],
      },
      formations: { create: input.formations.map(([type, name]) => ({ type, name })) },
      teachers: { create: input.teachers.map(([firstName, lastName]) => ({ firstName, lastName })) },
    },
    include: { formations: true, teachers: true },
  });
  const admin = await user(prisma, hash, input.admin);
  await prisma.siteMembership.create({ data: { siteId: site.id, userId: admin.id, role: 'ADMIN' } });
  if (input.teacherLogin) {
    const t = await user(prisma, hash, input.teacherLogin);
    await prisma.siteMembership.create({ data: { siteId: site.id, userId: t.id, role: 'TEACHER' } });
  }
  const days = stageDays(clock.now(), Math.ceil(input.stages / 2), academyOfUai(input.uai)?.holidayZone ?? null);
  const stages = [];
  for (let i = 0; i < input.stages; i++) {
    const slot = SLOTS[i % SLOTS.length];
    stages.push(
      await prisma.stage.create({
        data: {
          siteId: site.id,
          formationId: site.formations[i % site.formations.length].id,
          teacherId: site.teachers[i % site.teachers.length].id,
          stageType: i % 5 === 4 ? 'Journée découverte' : 'Mini-stage',
          date: days[Math.floor(i / 2)],
          startMinutes: slot.start,
          endMinutes: slot.end,
          scheduleDetail: slot.detail,
          capacity: 4 + ((i * 3) % 9),
          place: input.place,
          audience: i % 3 === 0 ? ['4e', '3e'] : ['3e'],
          description: 'Découverte du métier en atelier, avec les élèves de la formation.',
        },
      }),
    );
  }
  return { site, stages };
}

export type DemoSeedDecision = 'load' | 'off' | 'refused';

/** Whether an empty database gets the demo: SEED_DEMO=off never; in production only with SEED_DEMO=on. */
export function demoSeedDecision(): DemoSeedDecision {
  const seed = process.env.SEED_DEMO;
  if (seed === 'off') return 'off';
  if (env.isProduction && seed !== 'on') return 'refused';
  return 'load';
}

export const DEMO_REFUSED_MESSAGE =
  'Données de démonstration refusées : APP_ENV=production indique une base de production, et les comptes de démonstration (opérateur, chefs d’établissement) ont un mot de passe public. ' +
  'En production, n’exécutez pas « npm run db:seed » : importez l’annuaire avec « npm run import:annuaire -- <fichier.csv> ». ' +
  'Pour un serveur de démonstration, relancez avec SEED_DEMO=on.';

export const DEMO_SKIPPED_MESSAGE =
  'Base vide, APP_ENV=production : les données de démonstration (comptes au mot de passe public) ne sont pas chargées et l’application démarre sans données. ' +
  'Importez l’annuaire avec « npm run import:annuaire -- <fichier.csv> » ; pour un serveur de démonstration, relancez avec SEED_DEMO=on.';

export const DEMO_PRESENT_WARNING =
  'Attention : cette base de production (APP_ENV=production) contient les comptes de démonstration, dont le mot de passe est public (README). ' +
  'Désactivez-les ou changez leur mot de passe, ou repartez d’une base vide.';

/** True when one of the demo accounts exists. */
export async function hasDemoAccounts(prisma: Db): Promise<boolean> {
  return (await prisma.user.count({ where: { login: { in: DEMO_LOGINS.map((l) => l.login) } } })) > 0;
}

export type DemoLoadOutcome = 'loaded' | 'not-empty' | 'off' | 'refused';

/** `npm start`: the demo goes into an empty database only (see demoSeedDecision); a refusal never stops the start. */
export async function loadDemoIfEmpty(prisma: Db, options: { stages?: number; log?: (s: string) => void } = {}): Promise<DemoLoadOutcome> {
  const log = options.log ?? console.log;
  if ((await prisma.site.count()) > 0) {
    if (env.isProduction && process.env.SEED_DEMO !== 'on' && (await hasDemoAccounts(prisma))) log(DEMO_PRESENT_WARNING);
    return 'not-empty';
  }
  const decision = demoSeedDecision();
  if (decision === 'off') return 'off';
  if (decision === 'refused') {
    log(DEMO_SKIPPED_MESSAGE);
    return 'refused';
  }
  log('Base vide : chargement des données de démonstration…');
  await seedDemo(prisma, options);
  return 'loaded';
}

export async function seedDemo(prisma: Db, options: { stages?: number; log?: (s: string) => void } = {}) {
  // Before anything is written (not even the annuaire extract).
  if (env.isProduction && process.env.SEED_DEMO !== 'on') throw new Error(DEMO_REFUSED_MESSAGE);
  const log = options.log ?? console.log;
  const summary = await importAnnuaire({ prisma, source: ANNUAIRE_EXTRACT });
  log(`Annuaire : ${formatSummary(summary)}`);
  if (await prisma.site.findUnique({ where: { slug: 'demo' } })) {
    log('Données de démonstration déjà présentes : rien à faire.');
    return;
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  const schoolYear = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  await user(prisma, hash, { login: 'operateur@ministage.localhost', firstName: 'Équipe', lastName: 'technique', isOperator: true });
  const ormeaux = await seedOrmeaux(prisma, hash, schoolYear);
  const dolto = await registerCollege(prisma, hash, '0352274G', { firstName: 'Yann', lastName: 'Le Corre', civility: 'M.' });
  await prisma.classRoom.create({ data: { establishmentId: dolto.est.id, name: '3e 1', level: '3e', schoolYear, joinCode: 'DTP3XK' } });
  // A teacher of both collèges: the header's « Vous agissez pour » switch (Ormeaux first: the older membership).
  const both = { login: 'anne.guerin@ac-rennes.fr', firstName: 'Anne', lastName: 'Guérin', role: 'TEACHER' as const, fn: 'Professeure de SVT' };
  await staff(prisma, hash, ormeaux.est.id, both);
  await staff(prisma, hash, dolto.est.id, both);

  const demo = await seedSite(prisma, hash, {
    uai: '0350032V',
    slug: 'demo',
    name: 'Lycée des métiers Démo',
    stages: options.stages ?? 40,
    formations: FORMATIONS_DEMO,
    teachers: TEACHERS_DEMO,
    place: 'Atelier B12, bâtiment B',
    admin: { login: 'claire.martin@ac-rennes.fr', firstName: 'Claire', lastName: 'Martin' },
    teacherLogin: { login: 'paul.durand@ac-rennes.fr', firstName: 'Paul', lastName: 'Durand' },
  });
  await seedSite(prisma, hash, {
    uai: '0350709F',
    slug: 'champagne',
    name: 'Lycée professionnel la Champagne',
    stages: 6,
    formations: [
      ['Bac pro', 'Technicien en chaudronnerie industrielle'],
      ['CAP', 'Menuisier fabricant'],
    ],
    teachers: [['Hélène', 'Rault']],
    place: 'Ateliers, rue du Lycée',
    admin: { login: 'jean.petit@ac-rennes.fr', firstName: 'Jean', lastName: 'Petit' },
  });

  // What conventions print: the demo lycée's head and the Ormeaux' insurance (Dolto's is left for its
  // office to fill in: its conventions show « à compléter » with the link to the form).
  await prisma.establishment.update({ where: { uai: '0350032V' }, data: { headName: 'Mme Sophie Le Gall', headTitle: 'Proviseure' } });
  await prisma.establishment.update({ where: { uai: '0350033W' }, data: { headTitle: 'Principale', insurer: 'MAIF', insurancePolicy: '3512 0348 A' } });

  // Two pupils of the Ormeaux already enrolled in the first stage (as in the real dashboard).
  const first = demo.stages[0];
  for (const pupilId of ormeaux.pupilsByClass['3e A'].slice(0, 2)) {
    await prisma.enrolment.create({
      data: { stageId: first.id, pupilId, establishmentId: ormeaux.est.id, enrolledById: ormeaux.enroller, convocationSentAt: clock.now() },
    });
  }
  await prisma.stage.update({ where: { id: first.id }, data: { enrolledCount: 2 } });
  log('Données de démonstration créées.');
}

export function printDemoLogins(port = Number(process.env.PORT ?? 3000), root = process.env.ROOT_DOMAIN ?? 'localhost') {
  const lines = [
    '',
    `Comptes de démonstration (mot de passe pour tous : ${DEMO_PASSWORD})`,
    ...DEMO_LOGINS.map((l) => {
      const host = l.where === 'portail' ? root : `${l.where}.${root}`;
      return `  ${l.login.padEnd(32)} ${l.who} — http://${host}:${port}/`;
    }),
    '',
  ];
  console.log(lines.join('\n'));
}

async function main() {
  if (env.isProduction && process.env.SEED_DEMO !== 'on') throw new Error(DEMO_REFUSED_MESSAGE); // before migrating anything
  await deployMigrations(); // before opening the client: PGlite allows one instance per directory
  const { prisma, pglite } = createPrisma();
  try {
    await seedDemo(prisma, { stages: process.env.SEED_STAGES ? Number(process.env.SEED_STAGES) : undefined });
    printDemoLogins();
  } finally {
    await prisma.$disconnect();
    await pglite?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
