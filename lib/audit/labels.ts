// What each audit action code means, in French: one label per code written anywhere in the code base
// (tests/unit/audit-labels.test.ts reads the sources and fails on a code without a label here), and
// the kinds the journals filter by. Pure: no database, no Next import (the CSV and the pages share it).
import { STAFF_ROLE_LABELS, type StaffRoleName } from '../core/permissions.ts';

export type AuditKind = 'access' | 'team' | 'pupils' | 'enrolments' | 'conventions' | 'platform' | 'stages' | 'year';

export const AUDIT_KINDS: Record<AuditKind, string> = {
  access: 'Comptes et connexions',
  team: 'Équipe et invitations',
  pupils: 'Classes et élèves',
  enrolments: 'Inscriptions aux stages',
  conventions: 'Conventions',
  platform: 'Plateforme et options',
  stages: 'Stages',
  year: 'Clôture de l’année',
};

type Entry = { label: string; kind: AuditKind };

const e = (kind: AuditKind, label: string): Entry => ({ kind, label });

export const AUDIT_ACTIONS = {
  // Accounts, sign-in, registration of an establishment
  'sign-in.failure': e('access', 'Échec de connexion'),
  'account.activate': e('access', 'Compte activé'),
  'account.password-reset': e('access', 'Mot de passe réinitialisé (lien par email)'),
  'account.password-change': e('access', 'Mot de passe modifié'),
  'account.reclaim': e('access', 'Compte repris par le titulaire de l’adresse'),
  'establishment.register': e('access', 'Inscription de l’établissement'),
  'establishment.activate': e('access', 'Établissement activé'),
  'establishment.reclaim': e('access', 'Établissement repris par sa boîte académique'),
  'registration-review.approve': e('access', 'Inscription d’établissement validée'),
  'registration-review.refuse': e('access', 'Inscription d’établissement refusée'),
  'access-request.create': e('access', 'Demande de création de compte'),
  'access-request.grant': e('access', 'Demande de création de compte acceptée'),
  'access-request.decline': e('access', 'Demande de création de compte refusée'),
  // The collège's team
  'membership.request': e('team', 'Inscription d’un membre de l’équipe (à approuver)'),
  'membership.approve': e('team', 'Membre de l’équipe approuvé'),
  'membership.refuse': e('team', 'Inscription d’un membre refusée'),
  'membership.revoke': e('team', 'Membre retiré de l’équipe'),
  'invitation.create': e('team', 'Invitation envoyée'),
  'invitation.resend': e('team', 'Invitation renvoyée'),
  'invitation.revoke': e('team', 'Invitation annulée'),
  'invitation.accept': e('team', 'Invitation acceptée'),
  'site-invitation.create': e('team', 'Invitation sur la plateforme envoyée'),
  'site-invitation.accept': e('team', 'Invitation sur la plateforme acceptée'),
  // Classes and pupils
  'class.create': e('pupils', 'Classe créée'),
  'class.update': e('pupils', 'Classe modifiée'),
  'class.delete': e('pupils', 'Classe supprimée'),
  'class.code': e('pupils', 'Nouveau code de classe'),
  'class.teachers': e('pupils', 'Professeurs principaux de la classe'),
  'pupil.signup': e('pupils', 'Inscription d’un élève'),
  'pupil.join': e('pupils', 'Élève entré dans une classe (code)'),
  'pupil.move': e('pupils', 'Élève changé de classe'),
  'pupil.assign': e('pupils', 'Élève placé dans une classe'),
  'pupil.detach': e('pupils', 'Élève détaché du collège'),
  'pupil.guardians': e('pupils', 'Responsables légaux modifiés'),
  'pupil.export': e('pupils', 'Données d’un élève consultées ou exportées'),
  'pupil.erase': e('pupils', 'Données d’un élève effacées (sur demande)'),
  // Enrolments
  'enrolment.create': e('enrolments', 'Inscription à un stage'),
  'enrolment.promote': e('enrolments', 'Inscription confirmée depuis la liste d’attente'),
  'enrolment.cancel': e('enrolments', 'Inscription annulée'),
  'enrolment.attendance': e('enrolments', 'Présence au stage notée'),
  // Conventions
  'convention.send': e('conventions', 'Convention envoyée pour signature'),
  'convention.new-version': e('conventions', 'Nouvelle version de la convention'),
  'convention.incomplete': e('conventions', 'Convention à compléter de nouveau'),
  'convention.resend': e('conventions', 'Liens de signature renvoyés'),
  'convention.received': e('conventions', 'Convention reçue signée (papier)'),
  'convention.sign': e('conventions', 'Convention signée'),
  'convention.seal': e('conventions', 'Convention scellée'),
  // Platforms, their options and the establishment's information
  'platform.create': e('platform', 'Plateforme créée'),
  'platform.update': e('platform', 'Plateforme modifiée'),
  'site.edit-options': e('platform', 'Options de la plateforme modifiées'),
  'site.enrolment-options': e('platform', 'Options d’inscription modifiées'),
  'establishment.edit-info': e('platform', 'Informations de l’établissement modifiées'),
  'contact.create': e('platform', 'Contact ajouté'),
  'contact.update': e('platform', 'Contact modifié'),
  'contact.delete': e('platform', 'Contact supprimé'),
  'formation.create': e('platform', 'Formation ajoutée'),
  'formation.update': e('platform', 'Formation modifiée'),
  'formation.delete': e('platform', 'Formation supprimée'),
  'teacher.create': e('platform', 'Enseignant ajouté'),
  'teacher.update': e('platform', 'Enseignant modifié'),
  'teacher.delete': e('platform', 'Enseignant supprimé'),
  'email.resend': e('platform', 'Email renvoyé par l’équipe technique'),
  // Stages
  'stage.create': e('stages', 'Stage publié'),
  'stage.update': e('stages', 'Stage modifié'),
  'stage.duplicate': e('stages', 'Stage dupliqué'),
  'stage.cancel': e('stages', 'Stage annulé'),
  // The school year
  'rollover.run': e('year', 'Clôture de l’année scolaire'),
} as const satisfies Record<string, Entry>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

const has = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTIONS, code);

/** The French label of an action code (an unknown code, from an older version, shows as itself). */
export function actionLabel(code: string): string {
  return has(code) ? AUDIT_ACTIONS[code].label : code;
}

export function isAuditKind(v: string): v is AuditKind {
  return Object.hasOwn(AUDIT_KINDS, v);
}

/** The action codes of a kind (what the « Type d’action » filter selects). */
export function actionsOfKind(kind: AuditKind): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => AUDIT_ACTIONS[a].kind === kind);
}

const SIGN_IN_REASONS: Record<string, string> = {
  INVALID: 'mot de passe incorrect ou compte inconnu',
  NOT_ACTIVATED: 'compte pas encore activé',
  PENDING_REVIEW: 'inscription en cours d’examen',
  DISABLED: 'compte désactivé',
};
const SITE_ROLES: Record<string, string> = { ADMIN: 'administrateur', TEACHER: 'enseignant' };
const PARTIES: Record<string, string> = {
  HOME_SCHOOL: 'établissement d’origine',
  HOST: 'structure d’accueil',
  GUARDIAN_1: 'responsable légal 1',
  GUARDIAN_2: 'responsable légal 2',
};
const ATTENDANCE: Record<string, string> = { PRESENT: 'présent', ABSENT: 'absent' };

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);
const pick = (map: Record<string, string>, v: unknown) => {
  const s = str(v);
  return s ? (Object.hasOwn(map, s) ? map[s] : s) : null;
};
const role = (v: unknown) => {
  const s = str(v);
  if (!s) return null;
  return Object.hasOwn(STAFF_ROLE_LABELS, s) ? STAFF_ROLE_LABELS[s as StaffRoleName].toLowerCase() : pick(SITE_ROLES, s);
};
const nameOf = (v: unknown) => (v && typeof v === 'object' && 'name' in v ? str((v as { name: unknown }).name) : null);

/**
 * A short French detail of the line, from the few fields worth reading (a role, a class's name, a
 * convention's number, why a sign-in failed…). Never a pupil's name: `data` holds none.
 */
export function actionDetail(code: string, data: unknown): string {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '';
  const d = data as Record<string, unknown>;
  const parts: (string | null)[] = [];
  if (code === 'sign-in.failure') {
    parts.push(pick(SIGN_IN_REASONS, d.reason));
    if (str(d.login)) parts.push(`identifiant saisi : ${str(d.login)}`);
  } else if (code === 'class.update') {
    const before = nameOf(d.before);
    const after = nameOf(d.after);
    parts.push(before && after && before !== after ? `${before} → ${after}` : after);
  } else if (code === 'pupil.move' || code === 'pupil.assign' || code === 'pupil.join') {
    const from = nameOf(d.from);
    const to = nameOf(d.to);
    parts.push(from ? `${from} → ${to ?? 'sans classe'}` : to ? `vers ${to}` : null);
  } else {
    if (str(d.email)) parts.push(str(d.email));
    parts.push(role(d.role));
    if (code.startsWith('class.') || code.startsWith('formation.') || code.startsWith('platform.') || code.startsWith('contact.')) parts.push(str(d.name));
    if (str(d.number)) parts.push(`n° ${str(d.number)}`);
    if (str(d.party)) parts.push(pick(PARTIES, d.party));
    if (str(d.attendance)) parts.push(pick(ATTENDANCE, d.attendance));
    if (typeof d.schoolYear === 'number') parts.push(`année ${d.schoolYear}-${d.schoolYear + 1}`);
    if (code === 'stage.cancel' && typeof d.enrolments === 'number') parts.push(`${d.enrolments} inscription(s) annulée(s)`);
  }
  return parts.filter(Boolean).join(' · ');
}
