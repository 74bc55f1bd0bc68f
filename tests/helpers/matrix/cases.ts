// How the matrix drives each server action: the target of one cell (made fresh when the act cannot be
// repeated), a valid input (so that a refusal means authorization, not validation), what the act
// changes (the probe, read before and after), and what to put back so that the next cell starts from
// the same world. Expectations are NOT here: they are the table of tests/helpers/matrix/table.ts.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { ActionResult } from '@/lib/core/action-types';
import { pupilSignUpInput } from '../../factories/college';
import { PASSWORD } from '../../factories/people';
import { stageDay } from '../../factories/sites';
import { newStageForm } from '@/lib/stages/schema';
import { freshUai, nextN, PORTAL, type RoleKey, type World } from './world';

/** How long a collège's heads have to answer an access request before the operator may (lib/accounts/access-requests.ts). */
const ESCALATION_DELAY_MS = 24 * 60 * 60_000;

export type Place = '-' | 'est' | "est'" | 'site' | "site'";
export type Outcome = 'ok' | '401' | '403' | '404' | '409' | '429' | '500' | '503';

export type Ctx = { w: World; p: PrismaClient; role: RoleKey; userId: string | null; place: Place };

export type ActionCase<T = unknown> = {
  /** The host the request goes to (default: the portal for '-', 'est', "est'"; platform P1 for 'site', "site'"). */
  host?: (c: Ctx) => string;
  /** The cell's target. */
  target: (c: Ctx) => Promise<T>;
  input: (t: T, c: Ctx) => unknown;
  /** What the act changes, read before and after: « done » must change it, a refusal must not. */
  probe: (t: T, c: Ctx) => Promise<unknown>;
  /** Puts back what a done act changed in the shared world (the person's own rows…). */
  restore?: (t: T, c: Ctx) => Promise<void>;
  /** A reading act: « done » changes nothing, and `outcome` tells what it found. */
  readOnly?: boolean;
  /** The outcome when the result's shape says more than `ok` (a per-pupil refusal, a verification that found nothing). */
  outcome?: (res: ActionResult<unknown>) => Outcome | null;
};

const def = <T>(c: ActionCase<T>) => c as ActionCase<unknown>;

/** One row per key, made on first use and shared by the cells that only read or repeat it. */
const memo = new Map<string, Promise<unknown>>();
function shared<T>(key: string, make: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as Promise<T>;
}

const colOf = (c: Ctx) => (c.place === "est'" ? 'B' : 'A');
const siteOfPlace = (c: Ctx) => (c.place === "site'" ? 'P2' : 'P1');
const onPlatform = (c: Ctx) => c.w.P1.host;
const email = (prefix = 'personne') => `${prefix}.${nextN()}@ac-rennes.fr`;
const password = { password: 'Un-mot-de-passe-long-2026', passwordConfirm: 'Un-mot-de-passe-long-2026' };

/** For the collège-side acts on a platform: est = a pupil of collège A on P1, est' = of collège B on P1, site' = of collège A on P2. */
const enrolPlace = (c: Ctx): { college: 'A' | 'B'; site: 'P1' | 'P2' } =>
  c.place === "est'" ? { college: 'B', site: 'P1' } : c.place === "site'" ? { college: 'A', site: 'P2' } : { college: 'A', site: 'P1' };

const conventionRow = (p: PrismaClient, enrolmentId: string) =>
  p.convention.findUnique({ where: { enrolmentId }, select: { status: true, version: true, receivedAt: true } });
const linksOf = (p: PrismaClient, conventionId: string) =>
  p.emailLink.findMany({ where: { conventionId }, orderBy: { id: 'asc' }, select: { id: true, tokenHash: true, revokedAt: true, usedAt: true } });

/** A sent convention per place (shared: « Renvoyer les liens » and the PDF route repeat on it). The pupil's own for est and site'. */
export const sentFor = (c: Ctx) => {
  const { college, site } = enrolPlace(c);
  return shared(`sent:${c.place}`, () => c.w.sentConvention(college, site, college === 'A' ? { pupilId: c.w.A.pupil.id } : {}));
};

/** Unused signature links of P1 (three conventions' worth) and one of P2's. */
const signPool: string[] = [];
async function signLink(c: Ctx): Promise<string> {
  if (c.place === "site'") return (await c.w.sharedSent('P2')).tokens[0];
  if (!signPool.length) signPool.push(...(await c.w.sentConvention('A', 'P1')).tokens);
  return signPool.shift()!;
}

const infoInput = (head: string) => ({
  headName: head,
  headTitle: 'Chef d’établissement',
  publicEmail: '',
  publicPhone: '',
  insurer: 'MAIF',
  insurancePolicy: '1234567',
  address1: '3 allée des Ormeaux',
  address2: '',
  postalCode: '35700',
  city: 'Rennes',
});
const INFO_FIELDS = {
  headName: true,
  headTitle: true,
  publicEmail: true,
  publicPhone: true,
  insurer: true,
  insurancePolicy: true,
  address1: true,
  address2: true,
  postalCode: true,
  city: true,
} as const;

const guardiansOf = (p: PrismaClient, pupilId: string) =>
  p.guardian.findMany({ where: { pupilId }, orderBy: { rank: 'asc' }, select: { rank: true, lastName: true, firstName: true, email: true, phone: true } });
async function putGuardiansBack(p: PrismaClient, pupilId: string, rows: Awaited<ReturnType<typeof guardiansOf>>) {
  await p.guardian.deleteMany({ where: { pupilId } });
  for (const g of rows) await p.guardian.create({ data: { pupilId, ...g } });
}

/** « Inscrire » answers ok with a refusal per pupil: a pupil out of reach or a stage of another platform reads as not found. */
const perPupil = (res: ActionResult<unknown>): Outcome | null => {
  if (!res.ok) return null;
  const results = (res.data as { results: { outcome: string; message: string }[] }).results;
  if (results.length && results.every((r) => r.outcome === 'REFUSED')) return results.every((r) => /introuvable/i.test(r.message)) ? '404' : '409';
  return 'ok';
};

export const ACTION_CASES: Record<string, ActionCase> = {
  // ───────────── lib/accounts/actions.ts (public, but changePassword) ─────────────
  registerEstablishmentAction: def({
    target: async (c) => c.w.lycee(freshUai()).then((e) => c.p.establishment.update({ where: { id: e.id }, data: { kind: 'COLLEGE', name: `Collège ${e.uai}` } })),
    input: (e) => ({ uai: e.uai, civility: 'Mme', lastName: 'Dupont', firstName: 'Claire', function: "Chef d'établissement", ...password }),
    probe: (e, c) => c.p.membership.count({ where: { establishmentId: e.id } }),
  }),
  resendActivationAction: def({
    target: async (c) => (await c.w.accountLink('activation', 'PENDING_ACTIVATION')).user,
    input: (u) => ({ identifier: u.login }),
    probe: (u, c) => c.p.outboxEmail.count({ where: { to: u.email! } }),
  }),
  activateAccountAction: def({
    target: (c) => c.w.accountLink('activation', 'PENDING_ACTIVATION'),
    input: (t) => ({ token: t.raw, password: PASSWORD }),
    probe: (t, c) => c.p.user.findUnique({ where: { id: t.user.id }, select: { status: true } }),
  }),
  requestPasswordResetAction: def({
    target: async (c) => (await c.w.accountLink('activation', 'ACTIVE')).user,
    input: (u) => ({ email: u.email }),
    probe: (u, c) => c.p.outboxEmail.count({ where: { to: u.email! } }),
  }),
  resetPasswordAction: def({
    target: (c) => c.w.accountLink('password-reset', 'ACTIVE'),
    input: (t) => ({ token: t.raw, ...password }),
    probe: (t, c) => c.p.user.findUnique({ where: { id: t.user.id }, select: { passwordHash: true } }),
  }),
  submitAccessRequestAction: def({
    target: async (c) => ({ uai: c.w.A.college.uai, email: email('demande') }),
    input: (t) => ({ uai: t.uai, lastName: 'Le Gall', firstName: 'Julie', function: 'Professeure de technologie', email: t.email }),
    probe: (t, c) => c.p.accessRequest.count({ where: { email: t.email } }),
  }),
  changePasswordAction: def({
    target: async (c) => (c.userId ? c.p.user.findUniqueOrThrow({ where: { id: c.userId }, select: { id: true, passwordHash: true } }) : null),
    input: () => ({ currentPassword: PASSWORD, ...password }),
    probe: async (u, c) => (u ? (await c.p.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash : null),
    restore: async (u, c) => {
      if (u) await c.p.user.update({ where: { id: u.id }, data: { passwordHash: u.passwordHash } });
    },
  }),

  // ───────────── lib/accounts/admin-actions.ts ─────────────
  ...Object.fromEntries(
    (['grantAccessRequestAction', 'declineAccessRequestAction'] as const).map((name) => [
      name,
      def({
        target: (c) =>
          c.p.accessRequest.create({
            data: { establishmentId: c.w.college(colOf(c)).establishmentId, lastName: 'Le Gall', firstName: 'Julie', function: 'Professeure', email: email('demande') },
          }),
        input: (r) => (name === 'grantAccessRequestAction' ? { requestId: r.id, staffRole: 'TEACHER' } : { requestId: r.id }),
        probe: (r, c) => c.p.accessRequest.findUnique({ where: { id: r.id }, select: { status: true } }),
      }),
    ]),
  ),
  ...Object.fromEntries(
    (['operatorGrantAccessRequestAction', 'operatorDeclineAccessRequestAction'] as const).map((name) => [
      name,
      def({
        // Escalated (older than 24 h) and from the collège's own ce.<uai> address: what the operator answers.
        target: async (c) => {
          const e = await c.p.establishment.findUniqueOrThrow({ where: { id: c.w.B.establishmentId } });
          return c.p.accessRequest.create({
            data: {
              establishmentId: e.id,
              lastName: 'Morin',
              firstName: 'Paul',
              function: 'Principal',
              email: `ce.${e.uai.toLowerCase()}@ac-rennes.fr`,
              createdAt: new Date(c.w.now().getTime() - 2 * ESCALATION_DELAY_MS),
              escalatedAt: c.w.now(),
            },
          });
        },
        input: (r) => (name === 'operatorGrantAccessRequestAction' ? { requestId: r.id, staffRole: 'PRINCIPAL' } : { requestId: r.id }),
        probe: (r, c) => c.p.accessRequest.findUnique({ where: { id: r.id }, select: { status: true } }),
        restore: async (r, c) => {
          // The invitation a grant sends: revoked, so that the next cell's grant is not « already invited ».
          await c.p.invitation.updateMany({ where: { email: r.email, acceptedAt: null }, data: { revokedAt: c.w.now() } });
        },
      }),
    ]),
  ),
  decideRegistrationReviewAction: def({
    target: async (c) => {
      const e = await c.w.lycee(freshUai());
      const applicant = await c.p.user.create({ data: { login: email('direction'), email: null, status: 'PENDING_REVIEW', firstName: 'Anne', lastName: 'Riou' } });
      return c.p.registrationReview.create({ data: { establishmentId: e.id, applicantId: applicant.id } });
    },
    input: (r) => ({ reviewId: r.id, decision: 'REFUSE', reason: 'Établissement non vérifiable.' }),
    probe: (r, c) => c.p.registrationReview.findUnique({ where: { id: r.id }, select: { status: true } }),
  }),

  // ───────────── lib/classes/actions.ts (the portal) ─────────────
  createClassAction: def({
    target: async () => ({ name: `5e ${nextN()}` }),
    input: (t) => ({ name: t.name, level: '5e' }),
    probe: (t, c) => c.p.classRoom.count({ where: { name: t.name } }),
  }),
  updateClassAction: def({
    target: (c) => shared(`class:${colOf(c)}`, () => c.w.classOf(colOf(c))),
    input: (room) => ({ classRoomId: room.id, name: `4e ${nextN()}`, level: '4e' }),
    probe: (room, c) => c.p.classRoom.findUnique({ where: { id: room.id }, select: { name: true } }),
  }),
  deleteClassAction: def({
    target: (c) => c.w.classOf(colOf(c)),
    input: (room) => ({ classRoomId: room.id }),
    probe: (room, c) => c.p.classRoom.count({ where: { id: room.id } }),
  }),
  assignTeachersAction: def({
    target: async (c) => ({ room: await c.w.classOf(colOf(c)), pp: c.w.college(colOf(c)).members.MAIN_TEACHER.membership.id }),
    input: (t) => ({ classRoomId: t.room.id, membershipIds: [t.pp] }),
    probe: (t, c) => c.p.classTeacher.count({ where: { classRoomId: t.room.id } }),
  }),
  regenerateJoinCodeAction: def({
    target: (c) => shared(`class:${colOf(c)}`, () => c.w.classOf(colOf(c))),
    input: (room) => ({ classRoomId: room.id }),
    probe: (room, c) => c.p.classRoom.findUnique({ where: { id: room.id }, select: { joinCode: true } }),
  }),
  movePupilsAction: def({
    target: (c) => c.w.pupil(colOf(c)),
    input: (pupil, c) => ({ moves: [{ pupilId: pupil.id, classRoomId: c.w.college(colOf(c)).classB.id }] }),
    probe: (pupil, c) => c.p.pupil.findUnique({ where: { id: pupil.id }, select: { classRoomId: true } }),
  }),
  detachPupilAction: def({
    target: (c) => c.w.pupil(colOf(c)),
    input: (pupil) => ({ pupilId: pupil.id }),
    probe: (pupil, c) => c.p.pupil.findUnique({ where: { id: pupil.id }, select: { establishmentId: true, classRoomId: true } }),
  }),
  updateGuardiansAction: def({
    target: (c) => shared(`pupil:${colOf(c)}`, () => c.w.pupil(colOf(c))),
    input: (pupil) => ({ pupilId: pupil.id, guardians: [{ lastName: `Parent${nextN()}`, firstName: 'Marc', email: 'marc.parent@example.fr', phone: '' }] }),
    probe: (pupil, c) => guardiansOf(c.p, pupil.id),
  }),

  // ───────────── lib/classes/pupil-actions.ts ─────────────
  signUpPupilAction: def({
    target: async (c) => pupilSignUpInput(c.w.A.classB.joinCode),
    input: (form) => form,
    probe: (form, c) => c.p.user.count({ where: { login: form.login } }),
  }),
  joinClassAction: def({
    // The pupil has left their class (est: they join 3e B of their own collège; est': a class of collège B).
    target: async (c) => {
      await c.p.pupil.update({ where: { id: c.w.A.pupil.id }, data: { classRoomId: null } });
      return c.w.college(colOf(c)).classB;
    },
    input: (room) => ({ code: room.joinCode }),
    probe: (_room, c) => c.p.pupil.findUnique({ where: { id: c.w.A.pupil.id }, select: { classRoomId: true, establishmentId: true } }),
    restore: async (_room, c) => {
      await c.p.pupil.update({ where: { id: c.w.A.pupil.id }, data: { classRoomId: c.w.A.classA.id, establishmentId: c.w.A.establishmentId } });
    },
  }),
  updateOwnGuardiansAction: def({
    target: (c) => guardiansOf(c.p, c.w.A.pupil.id),
    input: () => ({ guardians: [{ lastName: `Parent${nextN()}`, firstName: 'Marc', email: 'marc.parent@example.fr', phone: '' }] }),
    probe: (_before, c) => guardiansOf(c.p, c.w.A.pupil.id),
    restore: (before, c) => putGuardiansBack(c.p, c.w.A.pupil.id, before),
  }),

  // ───────────── lib/classes/rollover-actions.ts ─────────────
  startRolloverAction: def({
    target: async () => null,
    input: () => ({ year: 2020, dryRun: true }),
    probe: (_t, c) => c.p.rollover.count({ where: { schoolYear: 2020 } }),
  }),
  rolloverStepAction: def({
    // A run of a year with nothing left to close: its one step finishes it.
    target: (c) => c.p.rollover.create({ data: { schoolYear: 2019, dryRun: false, summary: { schoolYear: 2019, total: 0, done: 0, establishments: [] } } }),
    input: (r) => ({ rolloverId: r.id }),
    probe: (r, c) => c.p.rollover.findUnique({ where: { id: r.id }, select: { finishedAt: true } }),
  }),

  // ───────────── lib/conventions/actions.ts (on platform P1's host) ─────────────
  sendForSignatureAction: def({
    host: onPlatform,
    target: (c) => c.w.enrolment(enrolPlace(c).college, enrolPlace(c).site),
    input: (e) => ({ enrolmentId: e.id }),
    probe: (e, c) => conventionRow(c.p, e.id),
  }),
  resendLinksAction: def({
    host: onPlatform,
    target: sentFor,
    input: (s) => ({ enrolmentId: s.enrolment.id }),
    probe: (s, c) => linksOf(c.p, s.convention.id),
  }),
  markReceivedAction: def({
    host: onPlatform,
    target: (c) => c.w.enrolment(enrolPlace(c).college, enrolPlace(c).site),
    input: (e) => ({ enrolmentId: e.id }),
    probe: (e, c) => conventionRow(c.p, e.id),
  }),
  signConventionAction: def({
    host: onPlatform,
    target: signLink,
    input: (token) => ({ token, signerName: 'Claire Martin', consent: true }),
    probe: async (token, c) => c.p.signature.count({ where: { convention: { siteId: c.w.site(siteOfPlace(c)).site.id } } }),
  }),
  verifyConventionAction: def({
    host: onPlatform,
    readOnly: true,
    target: async (c) => (await sentFor({ ...c, place: c.place === "site'" ? "site'" : 'est' })).convention,
    input: (conv) => ({ code: conv.verifyCode }),
    probe: async () => null,
    outcome: (res) => (res.ok ? ((res.data as { found: boolean }).found ? 'ok' : '404') : null),
  }),

  // ───────────── lib/enrolments/actions.ts (on platform P1's host) ─────────────
  enrolAction: def({
    host: onPlatform,
    target: async (c) => ({ pupil: await c.w.pupil(enrolPlace(c).college), stage: enrolPlace(c).site === 'P1' ? c.w.stage1 : c.w.stage2 }),
    input: (t) => ({ stageId: t.stage.id, pupilIds: [t.pupil.id] }),
    probe: (t, c) => c.p.enrolment.count({ where: { pupilId: t.pupil.id } }),
    outcome: perPupil,
  }),
  cancelEnrolmentAction: def({
    host: onPlatform,
    target: (c) => c.w.enrolment(enrolPlace(c).college, enrolPlace(c).site),
    input: (e) => ({ enrolmentId: e.id }),
    probe: (e, c) => c.p.enrolment.findUnique({ where: { id: e.id }, select: { status: true } }),
  }),
  attendanceAction: def({
    host: onPlatform,
    target: (c) => shared(`today:${c.place}`, () => c.w.enrolment(enrolPlace(c).college, enrolPlace(c).site, { today: true })),
    input: (e) => ({ enrolmentId: e.id, attendance: 'PRESENT' }),
    probe: (e, c) => c.p.enrolment.findUnique({ where: { id: e.id }, select: { attendance: true } }),
    restore: async (e, c) => {
      await c.p.enrolment.update({ where: { id: e.id }, data: { attendance: null, attendanceAt: null } });
    },
  }),
  saveEnrolmentOptionsAction: def({
    host: onPlatform,
    target: async () => String(1 + (nextN() % 20)),
    input: (days) => ({ fairShareSeats: '', fairShareDays: '', conventionReminderDays: days, convocationNote: '' }),
    probe: (_d, c) => c.p.site.findUnique({ where: { id: c.w.P1.site.id }, select: { conventionReminderDays: true } }),
  }),

  // ───────────── lib/mail/actions.ts (the portal) ─────────────
  resendEmailAction: def({
    target: (c) =>
      c.p.outboxEmail.create({
        data: {
          template: 'activation',
          to: email('echec'),
          subject: 'Activez votre compte',
          html: '<p>x</p>',
          text: 'x',
          status: 'FAILED',
          attempts: 8,
          lastError: 'SMTP 550',
        },
      }),
    input: (m) => ({ emailId: m.id }),
    probe: (m, c) => c.p.outboxEmail.findUnique({ where: { id: m.id }, select: { status: true, attempts: true } }),
  }),

  // ───────────── lib/pupils/actions.ts (the portal) ─────────────
  erasePupilAction: def({
    target: (c) => c.w.pupil(colOf(c)),
    input: (pupil) => ({ pupilId: pupil.id, confirmation: `${pupil.firstName} ${pupil.lastName}` }),
    probe: (pupil, c) => c.p.pupil.findUnique({ where: { id: pupil.id }, select: { anonymisedAt: true } }),
  }),

  // ───────────── lib/sites/actions.ts (on platform P1's host) ─────────────
  updateSiteOptionsAction: def({
    target: (c) => c.p.site.findUniqueOrThrow({ where: { id: c.w.P1.site.id } }),
    input: () => ({ name: `Lycée des métiers ${nextN()}`, logoUrl: '', conventionReturn: '', conventionText: '' }),
    probe: (_s, c) => c.p.site.findUnique({ where: { id: c.w.P1.site.id }, select: { name: true } }),
    restore: async (s, c) => {
      await c.p.site.update({ where: { id: s.id }, data: { name: s.name, logoUrl: s.logoUrl, conventionReturn: s.conventionReturn, conventionText: s.conventionText } });
    },
  }),
  saveContactAction: def({
    target: (c) =>
      shared(`contact:${siteOfPlace(c)}`, () => c.p.contact.create({ data: { siteId: c.w.site(siteOfPlace(c)).site.id, name: 'Secrétariat', role: 'Accueil' } })),
    input: (row) => ({ id: row.id, name: `Contact ${nextN()}`, role: 'Accueil', email: '', phone: '', position: 1 }),
    probe: (row, c) => c.p.contact.findUnique({ where: { id: row.id }, select: { name: true } }),
  }),
  deleteContactAction: def({
    target: (c) => c.p.contact.create({ data: { siteId: c.w.site(siteOfPlace(c)).site.id, name: 'Secrétariat', role: 'Accueil' } }),
    input: (row) => ({ id: row.id }),
    probe: (row, c) => c.p.contact.count({ where: { id: row.id } }),
  }),
  saveFormationAction: def({
    target: (c) =>
      shared(`formation:${siteOfPlace(c)}`, () =>
        c.p.formation.create({ data: { siteId: c.w.site(siteOfPlace(c)).site.id, type: 'CAP', name: `Formation ${nextN()}` } }),
      ),
    input: (row) => ({ id: row.id, type: 'CAP', name: `Formation ${nextN()}`, active: true }),
    probe: (row, c) => c.p.formation.findUnique({ where: { id: row.id }, select: { name: true } }),
  }),
  deleteFormationAction: def({
    target: (c) => c.p.formation.create({ data: { siteId: c.w.site(siteOfPlace(c)).site.id, type: 'CAP', name: `Formation ${nextN()}` } }),
    input: (row) => ({ id: row.id }),
    probe: (row, c) => c.p.formation.count({ where: { id: row.id } }),
  }),
  saveTeacherAction: def({
    target: (c) =>
      shared(`teacher:${siteOfPlace(c)}`, () =>
        c.p.teacher.create({ data: { siteId: c.w.site(siteOfPlace(c)).site.id, firstName: 'Karim', lastName: `Haddad${nextN()}` } }),
      ),
    input: (row) => ({ id: row.id, firstName: 'Karim', lastName: `Haddad${nextN()}`, email: '', active: true }),
    probe: (row, c) => c.p.teacher.findUnique({ where: { id: row.id }, select: { lastName: true } }),
  }),
  deleteTeacherAction: def({
    target: (c) => c.p.teacher.create({ data: { siteId: c.w.site(siteOfPlace(c)).site.id, firstName: 'Karim', lastName: `Haddad${nextN()}` } }),
    input: (row) => ({ id: row.id }),
    probe: (row, c) => c.p.teacher.count({ where: { id: row.id } }),
  }),
  inviteSiteStaffAction: def({
    target: async () => email('invite'),
    input: (to) => ({ email: to, role: 'TEACHER' }),
    probe: (to, c) => c.p.invitation.count({ where: { email: to } }),
  }),
  acceptSiteInvitationAction: def({
    // Addressed to the person's own address (a pupil's login-only account has none: a made-up one).
    target: async (c) => {
      const user = c.userId ? await c.p.user.findUniqueOrThrow({ where: { id: c.userId } }) : null;
      const inv = await c.w.siteInvitation(siteOfPlace(c), user?.email ?? email('eleve'));
      const before = user ? await c.p.siteMembership.findUnique({ where: { siteId_userId: { siteId: c.w.P1.site.id, userId: user.id } } }) : null;
      return { inv, before };
    },
    input: (t) => ({ token: t.inv.raw }),
    probe: (t, c) => c.p.invitation.findUnique({ where: { id: t.inv.id }, select: { acceptedAt: true } }),
    restore: async (t, c) => {
      if (!c.userId) return;
      const where = { siteId_userId: { siteId: c.w.P1.site.id, userId: c.userId } };
      if (t.before) await c.p.siteMembership.update({ where, data: { role: t.before.role } });
      else await c.p.siteMembership.deleteMany({ where: { siteId: c.w.P1.site.id, userId: c.userId } });
    },
  }),
  createAccountFromInvitationAction: def({
    target: (c) => c.w.siteInvitation(siteOfPlace(c), email('nouveau')),
    input: (inv) => ({ token: inv.raw, civility: 'Mme', firstName: 'Anne', lastName: 'Guillou', password: password.password, confirm: password.password }),
    probe: (inv, c) => c.p.invitation.findUnique({ where: { id: inv.id }, select: { acceptedAt: true } }),
  }),
  updateEstablishmentInfoAction: def({
    // est: on the portal; site: on P1's host (its administrators edit the lycée's, a collège's office its own).
    target: (c) =>
      c.p.establishment.findMany({ where: { id: { in: [c.w.A.establishmentId, c.w.P1.lycee.id] } }, orderBy: { id: 'asc' }, select: { id: true, ...INFO_FIELDS } }),
    input: () => infoInput(`Mme Sophie Le Gall ${nextN()}`),
    probe: (_t, c) =>
      c.p.establishment.findMany({ where: { id: { in: [c.w.A.establishmentId, c.w.P1.lycee.id] } }, orderBy: { id: 'asc' }, select: { id: true, headName: true } }),
    restore: async (rows, c) => {
      for (const { id, ...data } of rows) await c.p.establishment.update({ where: { id }, data });
    },
  }),

  // ───────────── lib/sites/operator-actions.ts (the portal) ─────────────
  createPlatformAction: def({
    target: async (c) => ({ lycee: await c.w.lycee(freshUai()), slug: `lycee-${nextN()}` }),
    input: (t) => ({ uai: t.lycee.uai, name: 'Lycée professionnel', slug: t.slug, domains: '', logoUrl: '' }),
    probe: (t, c) => c.p.site.count({ where: { slug: t.slug } }),
  }),
  updatePlatformAction: def({
    target: async (c) => c.w.P3.site,
    input: (s) => ({ id: s.id, name: `Lycée de réserve ${nextN()}`, slug: s.slug, domains: '', logoUrl: '', active: true }),
    probe: (s, c) => c.p.site.findUnique({ where: { id: s.id }, select: { name: true } }),
  }),
  operatorInviteAction: def({
    target: async (c) => ({ siteId: c.w.P2.site.id, to: email('invite') }),
    input: (t) => ({ siteId: t.siteId, email: t.to, role: 'ADMIN' }),
    probe: (t, c) => c.p.invitation.count({ where: { email: t.to } }),
  }),

  // ───────────── lib/stages/actions.ts (on platform P1's host) ─────────────
  createStageAction: def({
    target: async (c) => c.w.site(siteOfPlace(c)),
    input: (s) => newStageForm(stageDay(12), { formationId: s.formations.cuisine.id, teacherId: s.teachers.lambert.id }),
    probe: (_s, c) => c.p.stage.count(),
  }),
  updateStageAction: def({
    target: (c) => shared(`stage:${siteOfPlace(c)}`, () => c.w.makeStage(siteOfPlace(c))),
    input: (st, c) => ({
      id: st.id,
      ...newStageForm(stageDay(14), { formationId: c.w.site(siteOfPlace(c)).formations.cuisine.id, teacherId: c.w.site(siteOfPlace(c)).teachers.lambert.id }),
      capacity: 5 + (nextN() % 30),
    }),
    probe: (st, c) => c.p.stage.findUnique({ where: { id: st.id }, select: { capacity: true } }),
  }),
  duplicateStageAction: def({
    target: (c) => shared(`stage:${siteOfPlace(c)}`, () => c.w.makeStage(siteOfPlace(c))),
    input: (st) => ({ id: st.id, mode: 'dates', dates: [stageDay(20 + (nextN() % 40))], weekday: 3, until: '' }),
    probe: (st, c) => c.p.stage.count({ where: { siteId: st.siteId } }),
  }),
  cancelStageAction: def({
    target: (c) => c.w.makeStage(siteOfPlace(c)),
    input: (st) => ({ id: st.id, reason: 'Atelier fermé pour travaux.' }),
    probe: (st, c) => c.p.stage.findUnique({ where: { id: st.id }, select: { status: true } }),
  }),

  // ───────────── lib/team/actions.ts (the portal) ─────────────
  signUpStaffAction: def({
    target: async () => email('nouvelle'),
    input: (to, c) => ({ uai: c.w.A.college.uai, lastName: 'Le Gall', firstName: 'Julie', role: 'TEACHER', email: to, ...password }),
    probe: (to, c) => c.p.membership.count({ where: { user: { email: to } } }),
  }),
  inviteStaffAction: def({
    target: async () => email('invite'),
    input: (to) => ({ email: to, role: 'TEACHER' }),
    probe: (to, c) => c.p.invitation.count({ where: { email: to } }),
  }),
  resendInvitationAction: def({
    target: (c) => shared(`invitation:${colOf(c)}`, () => c.w.staffInvitation(colOf(c))),
    input: (inv) => ({ invitationId: inv.id }),
    probe: (inv, c) => c.p.invitation.findUnique({ where: { id: inv.id }, select: { tokenHash: true } }),
  }),
  revokeInvitationAction: def({
    target: (c) => c.w.staffInvitation(colOf(c)),
    input: (inv) => ({ invitationId: inv.id }),
    probe: (inv, c) => c.p.invitation.findUnique({ where: { id: inv.id }, select: { revokedAt: true } }),
  }),
  ...Object.fromEntries(
    (
      [
        ['approveMembershipAction', 'PENDING'],
        ['refuseMembershipAction', 'PENDING'],
        ['removeMemberAction', 'ACTIVE'],
      ] as const
    ).map(([name, status]) => [
      name,
      def({
        target: async (c) => (await c.w.member(colOf(c), status)).membership,
        input: (m) => ({ membershipId: m.id }),
        probe: (m, c) => c.p.membership.findUnique({ where: { id: m.id }, select: { status: true } }),
      }),
    ]),
  ),
  acceptInvitationNewAction: def({
    target: (c) => c.w.staffInvitation('A'),
    input: (inv) => ({ token: inv.raw, lastName: 'Bernard', firstName: 'Thomas', ...password }),
    probe: (inv, c) => c.p.invitation.findUnique({ where: { id: inv.id }, select: { acceptedAt: true } }),
  }),
  acceptInvitationExistingAction: def({
    target: async (c) => {
      const to = email('existant');
      await c.p.user.create({
        data: { login: to, email: to, status: 'ACTIVE', emailVerified: c.w.now(), passwordHash: c.w.passwordHash, firstName: 'Luc', lastName: 'Kerven' },
      });
      return c.w.staffInvitation('A', to);
    },
    input: (inv) => ({ token: inv.raw, password: PASSWORD }),
    probe: (inv, c) => c.p.invitation.findUnique({ where: { id: inv.id }, select: { acceptedAt: true } }),
  }),
  chooseEstablishmentAction: def({
    target: async (c) => c.w.college(colOf(c)).establishmentId,
    input: (establishmentId) => ({ establishmentId }),
    probe: async (_e, c) => (c.userId ? (await c.p.user.findUniqueOrThrow({ where: { id: c.userId } })).actingEstablishmentId : null),
    restore: async (_e, c) => {
      if (c.userId) await c.p.user.update({ where: { id: c.userId }, data: { actingEstablishmentId: null } });
    },
  }),
};

export const defaultHost = (c: Ctx) => (c.place === 'site' || c.place === "site'" ? c.w.P1.host : PORTAL);
