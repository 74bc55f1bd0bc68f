// Finding a collège for a sign-up, and whether its team and its pupils may sign up yet
// (« l'inscription, c'est chacun son tour »).
import { prisma } from '../core/db.ts';
import type { Tx } from '../core/db.ts';
import { isValidUai, normalizeUai } from '../reference/uai.ts';
import { activeSchoolYear } from '../reference/school-year.ts';

export type CollegeSummary = { id: string; uai: string; name: string; city: string | null; postalCode: string | null; registered: boolean };

const select = { id: true, uai: true, name: true, city: true, postalCode: true, registeredAt: true } as const;
const summary = (e: { id: string; uai: string; name: string; city: string | null; postalCode: string | null; registeredAt: Date | null }): CollegeSummary => ({
  id: e.id, uai: e.uai, name: e.name, city: e.city, postalCode: e.postalCode, registered: !!e.registeredAt,
});

/** By UAI, or by words of the name / commune / postal code (every word must match). Open collèges only. */
export async function searchColleges(q: string, options: { registeredOnly?: boolean; limit?: number } = {}): Promise<CollegeSummary[]> {
  const query = q.trim().slice(0, 100);
  if (query.length < 2) return [];
  const base = { kind: 'COLLEGE' as const, open: true, ...(options.registeredOnly ? { registeredAt: { not: null } } : {}) };
  if (isValidUai(query)) {
    const e = await prisma.establishment.findFirst({ where: { ...base, uai: normalizeUai(query) }, select });
    return e ? [summary(e)] : [];
  }
  const words = query.split(/\s+/).filter((w) => w.length > 0).slice(0, 5);
  const rows = await prisma.establishment.findMany({
    where: {
      ...base,
      AND: words.map((w) => ({
        OR: [
          { name: { contains: w, mode: 'insensitive' as const } },
          { city: { contains: w, mode: 'insensitive' as const } },
          { postalCode: { startsWith: w } },
        ],
      })),
    },
    select,
    orderBy: [{ city: 'asc' }, { name: 'asc' }],
    take: options.limit ?? 20,
  });
  return rows.map(summary);
}

export async function findCollegeByUai(db: Tx, uai: string) {
  if (!isValidUai(uai)) return null;
  return db.establishment.findFirst({ where: { uai: normalizeUai(uai), kind: 'COLLEGE' } });
}

export const TEAM_CLOSED_MESSAGE =
  "Ce collège n'est pas encore inscrit sur la plateforme : l'équipe pédagogique pourra s'inscrire dès que le chef d'établissement aura inscrit l'établissement (« Inscrire mon établissement »). Prévenez-le.";

/**
 * Staff may sign up once the collège is registered: its registration was activated (registeredAt)
 * or its manager account is active — the same rule as lib/accounts/registration-rules.ts.
 */
export async function teamSignUpOpen(db: Tx, establishment: { id: string; registeredAt: Date | null }): Promise<boolean> {
  if (establishment.registeredAt) return true;
  const principal = await db.membership.count({ where: { establishmentId: establishment.id, role: 'PRINCIPAL', status: 'ACTIVE' } });
  return principal > 0;
}

export type PupilReadiness = { open: true } | { open: false; reason: string };

/** Pupils may sign up once the collège is registered, has classes and an active professeur principal. */
export async function pupilSignUpReadiness(db: Tx, establishment: { id: string; registeredAt: Date | null }): Promise<PupilReadiness> {
  if (!(await teamSignUpOpen(db, establishment)))
    return { open: false, reason: "Ce collège n'est pas encore inscrit sur la plateforme : demandez à votre professeur principal quand vous inscrire." };
  const year = await activeSchoolYear(db);
  const [classes, mainTeacher] = await Promise.all([
    db.classRoom.count({ where: { establishmentId: establishment.id, schoolYear: year } }),
    db.membership.findFirst({ where: { establishmentId: establishment.id, role: 'MAIN_TEACHER', status: 'ACTIVE', user: { status: 'ACTIVE' } }, select: { id: true } }),
  ]);
  if (classes === 0)
    return { open: false, reason: "Votre collège n'a pas encore créé ses classes sur la plateforme : réessayez quand votre professeur principal vous le dira." };
  if (!mainTeacher)
    return { open: false, reason: "Aucun professeur principal de votre collège n'est encore inscrit sur la plateforme : réessayez quand votre professeur principal vous le dira." };
  return { open: true };
}
