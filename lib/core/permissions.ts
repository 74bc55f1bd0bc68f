// The permission table: who may do what. Read by can()/assertCan(); tests walk it.
import { forbidden } from './errors.ts';

export type StaffRoleName = 'PRINCIPAL' | 'DEPUTY' | 'MAIN_TEACHER' | 'TEACHER' | 'CPE' | 'COUNSELOR' | 'SECRETARY';
export type Role = StaffRoleName | 'PUPIL' | 'SITE_ADMIN' | 'SITE_TEACHER' | 'OPERATOR';

const HEADS: Role[] = ['PRINCIPAL', 'DEPUTY'];
const TEAM: Role[] = ['PRINCIPAL', 'DEPUTY', 'MAIN_TEACHER', 'TEACHER', 'CPE', 'COUNSELOR', 'SECRETARY'];
const SITE_STAFF: Role[] = ['SITE_ADMIN', 'SITE_TEACHER'];
/** Who keeps the whole collège's pupil list: direction, secretariat, vie scolaire (docs/REGLES.md, « Qui voit quels élèves »). */
const PUPIL_OFFICE: Role[] = [...HEADS, 'SECRETARY', 'CPE'];

export const PERMISSIONS = {
  // Collège: the establishment and its team
  'establishment:edit-info': [...HEADS, 'SECRETARY'],
  'team:view': TEAM,
  'team:invite': HEADS,
  'team:approve': HEADS,
  'access-requests:answer': HEADS,
  /** The collège's audit trail (« Journal »): who changed access, when, from where. */
  'audit:view-establishment': HEADS,
  // Collège: classes (every member of the pedagogical team)
  'classes:manage': TEAM,
  'classes:assign-teachers': HEADS,
  // Collège: pupils (minors: each role only what it needs). Checked by lib/classes/access.ts
  // (pupilAccess), which turns them into a reach used in every pupil query's `where`.
  /** Read every pupil of the collège (list, pupil's page, guardians); the Psy-EN reads only. */
  'pupils:view-all': [...PUPIL_OFFICE, 'COUNSELOR'],
  /** Move, assign a class, detach, fill in guardians — for every pupil of the collège. */
  'pupils:manage-all': PUPIL_OFFICE,
  /** The same acts for the pupils of the classes one is professeur principal of (ClassTeacher), and placing a pupil without class in one of them. */
  'pupils:manage-own-class': ['MAIN_TEACHER'],
  /** A pupil's data on request (RGPD): export everything held about them, erase it. The head of the collège answers for its pupils' data. */
  'pupils:data': HEADS,
  // Enrolments and conventions, collège side: whoever reaches pupils to manage them (a teacher
  // without class reaches none, so does not enrol).
  'enrolments:create': [...PUPIL_OFFICE, 'MAIN_TEACHER'],
  'enrolments:cancel': [...PUPIL_OFFICE, 'MAIN_TEACHER'],
  /** Read a convention (« Conv »): the lycée's staff, the collège's members who reach the pupil, the pupil. Scoped in lib/conventions/access.ts. */
  'conventions:view': [...TEAM, ...SITE_STAFF, 'PUPIL'],
  /** « Envoyer pour signature », « Renvoyer les liens »: the lycée's staff, and the collège's members who manage the pupil. Signatures go by personal links. */
  'conventions:send': [...PUPIL_OFFICE, 'MAIN_TEACHER', ...SITE_STAFF],
  /** « Convention reçue » (paper): the lycée, which receives it. */
  'conventions:receive': SITE_STAFF,
  // Lycée platforms
  'stages:publish': SITE_STAFF,
  'stages:cancel': SITE_STAFF,
  'attendance:record': SITE_STAFF,
  'enrolments:view-site': SITE_STAFF,
  'enrolments:cancel-site': SITE_STAFF,
  'site:manage': ['SITE_ADMIN'],
  'site:invite': ['SITE_ADMIN'],
  /** The platform's audit trail (« Journal »). */
  'audit:view-site': ['SITE_ADMIN'],
  // Platform operator
  'platform:operate': ['OPERATOR'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles held by one person in the current context (an establishment and/or a site). */
export type RoleHolder = { roles: readonly Role[] } | null | undefined;

export function can(holder: RoleHolder, permission: Permission): boolean {
  if (!holder) return false;
  const allowed = PERMISSIONS[permission] as readonly Role[];
  return holder.roles.some((r) => allowed.includes(r));
}

export function assertCan(holder: RoleHolder, permission: Permission): void {
  if (!can(holder, permission)) throw forbidden();
}

export const STAFF_ROLE_LABELS: Record<StaffRoleName, string> = {
  PRINCIPAL: "Chef d'établissement",
  DEPUTY: "Chef d'établissement adjoint",
  MAIN_TEACHER: 'Professeur principal',
  TEACHER: 'Enseignant',
  CPE: "Conseiller principal d'éducation",
  COUNSELOR: "Psychologue de l'Éducation nationale",
  SECRETARY: 'Secrétariat',
};
