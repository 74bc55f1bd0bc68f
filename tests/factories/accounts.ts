// Accounts test data: académies, establishments as the annuaire holds them, users, managers.
import type { PrismaClient, Prisma, StaffRole, UserStatus } from '@/lib/generated/prisma/client';
import { seedAcademies } from '@/lib/reference/academies';
import { hashPassword } from '@/lib/core/password';

export const PASSWORD = 'Un-mot-de-passe-solide-2026';
let hashed: Promise<string> | undefined;
export const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

export async function seedReference(db: PrismaClient) {
  await seedAcademies(db);
}

/** An establishment as the annuaire import writes it (public collège of Rennes by default). */
export function makeEstablishment(db: PrismaClient, data: Partial<Prisma.EstablishmentUncheckedCreateInput> & { uai: string }) {
  return db.establishment.create({
    data: {
      name: `Collège ${data.uai}`, kind: 'COLLEGE', isPublic: true, natureLabel: 'COLLEGE', address1: '1 rue de l’École',
      postalCode: '35000', city: 'Rennes', departmentCode: '035', academyCode: 'rennes',
      directoryEmail: `Ce.${data.uai.toLowerCase()}@ac-rennes.fr`, open: true,
      ...data,
    },
  });
}

export async function makeUser(
  db: PrismaClient,
  data: { login: string; status?: UserStatus; isOperator?: boolean; email?: string | null; firstName?: string; lastName?: string },
) {
  return db.user.create({
    data: {
      login: data.login, email: data.email === undefined ? data.login : data.email, status: data.status ?? 'ACTIVE',
      isOperator: data.isOperator ?? false, passwordHash: await passwordHash(),
      firstName: data.firstName ?? 'Camille', lastName: data.lastName ?? 'Test', civility: 'Mme',
    },
  });
}

export async function makeMember(db: PrismaClient, establishmentId: string, login: string, role: StaffRole = 'TEACHER', status: 'ACTIVE' | 'PENDING' = 'ACTIVE') {
  const user = await makeUser(db, { login });
  const membership = await db.membership.create({ data: { userId: user.id, establishmentId, role, status } });
  return { user, membership };
}

/** A registered establishment with its active chef d'établissement (login ce.<uai>@ac-rennes.fr). */
export async function makeRegistered(db: PrismaClient, uai: string, extra: Partial<Prisma.EstablishmentUncheckedCreateInput> = {}) {
  const establishment = await makeEstablishment(db, { uai, registeredAt: new Date(), ...extra });
  const { user: principal, membership } = await makeMember(db, establishment.id, `ce.${uai.toLowerCase()}@ac-rennes.fr`, 'PRINCIPAL');
  return { establishment, principal, membership };
}

export const makeOperator = (db: PrismaClient, login = 'operateur@ministage.localhost') => makeUser(db, { login, isOperator: true });

/** The raw token in the last email's link to `path` (/activation/, /reinitialisation/, /invitation/). */
export async function lastLink(db: PrismaClient, to: string, path: string): Promise<string> {
  const mail = await db.outboxEmail.findFirst({ where: { to, text: { contains: path } }, orderBy: { createdAt: 'desc' } });
  if (!mail) throw new Error(`no email to ${to} with a ${path} link`);
  const m = mail.text.match(new RegExp(`${path.replace(/\//g, '\\/')}([A-Za-z0-9_-]{20,})`));
  if (!m) throw new Error(`no ${path} link in the email to ${to}`);
  return m[1];
}

/** A different client address for every call: the per-IP throttles of one test never leak into another. */
let ipCounter = 0;
export const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
