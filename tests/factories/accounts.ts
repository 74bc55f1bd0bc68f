// Accounts test data: académies, establishments as the annuaire holds them, users, managers.
import type { PrismaClient, Prisma } from '@/lib/generated/prisma/client';
import { makeEstablishment, makeMember, makeUser } from './people';
import { seedAcademies } from '@/lib/reference/academies';

export async function seedReference(db: PrismaClient) {
  await seedAcademies(db);
}

/** A registered establishment with its active chef d'établissement (login ce.<uai>@ac-rennes.fr). */
export async function makeRegistered(db: PrismaClient, uai: string, extra: Partial<Prisma.EstablishmentUncheckedCreateInput> = {}) {
  const establishment = await makeEstablishment(db, { uai, registeredAt: new Date(), ...extra });
  const { user: principal, membership } = await makeMember(db, { establishmentId: establishment.id, login: `ce.${uai.toLowerCase()}@ac-rennes.fr`, role: 'PRINCIPAL' });
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
