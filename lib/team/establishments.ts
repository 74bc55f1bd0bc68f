// Finding a collège for a sign-up, and whether its team and its pupils may sign up yet
// (« l'inscription, c'est chacun son tour »). The collège search (pages) is in queries.ts.
import type { Tx } from '../core/db.ts';
import { isValidUai, normalizeUai } from '../reference/uai.ts';
import { activeSchoolYear } from '../reference/school-year.ts';

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
    return {
      open: false,
      reason: "Aucun professeur principal de votre collège n'est encore inscrit sur la plateforme : réessayez quand votre professeur principal vous le dira.",
    };
  return { open: true };
}
