// The one factory of each shared entity: people (users, staff memberships) and establishments as
// the annuaire holds them. Area factories (college.ts, sites.ts, accounts.ts) build on these.
import type { Prisma, PrismaClient, StaffRole, UserStatus } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/core/password';

/** Every factory-made account's password. */
export const PASSWORD = 'Mot-de-passe-test-2026';
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

let seq = 0;

/**
 * A user. The login is `login`, else the email; the email is `email`, else the login when it is an
 * address, else a unique `personne.N@ac-rennes.fr` (`email: null` for a pupil without one). Names
 * are unique unless given. An active account with an email has it verified.
 */
export async function makeUser(
  db: PrismaClient,
  input: { login?: string; email?: string | null; status?: UserStatus; isOperator?: boolean; firstName?: string; lastName?: string; civility?: string } = {},
) {
  const n = ++seq;
  const email = input.email !== undefined ? input.email : input.login ? (input.login.includes('@') ? input.login : null) : `personne.${n}@ac-rennes.fr`;
  const status = input.status ?? 'ACTIVE';
  return db.user.create({
    data: {
      login: input.login ?? email ?? `eleve.${n}`,
      email,
      status,
      passwordHash: await passwordHash(),
      emailVerified: status === 'ACTIVE' && email ? new Date() : null,
      isOperator: input.isOperator ?? false,
      firstName: input.firstName ?? `Prénom${n}`,
      lastName: input.lastName ?? `Nom${n}`,
      civility: input.civility ?? null,
    },
  });
}

/** A staff member of a collège (a user and their membership). */
export async function makeMember(
  db: PrismaClient,
  input: { establishmentId: string; role?: StaffRole; status?: 'ACTIVE' | 'PENDING' | 'REVOKED'; email?: string; login?: string },
) {
  const user = await makeUser(db, { email: input.email, login: input.login });
  const status = input.status ?? 'ACTIVE';
  const membership = await db.membership.create({
    data: { userId: user.id, establishmentId: input.establishmentId, role: input.role ?? 'TEACHER', status, approvedAt: status === 'ACTIVE' ? new Date() : null },
  });
  return { user, membership };
}

/** The académie de Rennes (the establishments' académie by default). */
function academyRennes(db: PrismaClient) {
  return db.academy.upsert({ where: { code: 'rennes' }, update: {}, create: { code: 'rennes', name: 'Rennes', emailDomain: 'ac-rennes.fr', holidayZone: 'B' } });
}

/** An establishment as the annuaire import writes it (a public collège of Rennes unless told otherwise). */
export async function makeEstablishment(db: PrismaClient, data: Partial<Prisma.EstablishmentUncheckedCreateInput> & { uai: string }) {
  await academyRennes(db);
  return db.establishment.create({
    data: {
      name: `Collège ${data.uai}`,
      kind: 'COLLEGE',
      isPublic: true,
      natureLabel: 'COLLEGE',
      address1: '1 rue de l’École',
      postalCode: '35000',
      city: 'Rennes',
      departmentCode: '035',
      academyCode: 'rennes',
      directoryEmail: `Ce.${data.uai.toLowerCase()}@ac-rennes.fr`,
      open: true,
      ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
      uai: data.uai,
    },
  });
}
