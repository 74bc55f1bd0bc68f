// The one world of the authorization matrix (tests/integration/authorization-matrix.test.ts), built
// once per file: two collèges (A: the actors' own, B: another), two lycée platforms (P1: the platform
// staff's own, P2: another) and a spare one, a person of each role, stages, and helpers that make a
// fresh target (a pupil, an enrolment, a sent convention…) for the acts that cannot be repeated.
import type { PrismaClient, StaffRole } from '@/lib/generated/prisma/client';
import { makeClass, makePupil, makeTeam, type Team } from '../../factories/college';
import { makeEstablishment, makeMember, makeUser, PASSWORD } from '../../factories/people';
import { hashPassword } from '@/lib/core/password';
import * as clock from '@/lib/core/clock';
import { makeSite, makeStage, NOW, TODAY, daysFromNow, stageDay, type TestSite } from '../../factories/sites';
import { setNow } from '@/lib/core/clock';
import { issueLink, type IssueInput } from '@/lib/core/links';
import { uaiCheckLetter } from '@/lib/reference/uai';
import { sendForSignature } from '@/lib/conventions/service';

/** The roles of the matrix (columns), in the order they are printed. */
export const ROLES = ['PRI', 'DEP', 'PP', 'TEA', 'SEC', 'PUP', 'PADM', 'PTEA', 'OPER', 'ANON'] as const;
export type RoleKey = (typeof ROLES)[number];

export const ROLE_LEGEND: Record<RoleKey, string> = {
  PRI: 'chef d’établissement of collège A (StaffRole PRINCIPAL)',
  DEP: 'adjoint of collège A (DEPUTY)',
  PP: 'professeur principal of 3e A in collège A (MAIN_TEACHER + ClassTeacher)',
  TEA: 'enseignant of collège A (TEACHER)',
  SEC: 'secrétariat of collège A (SECRETARY)',
  PUP: 'élève of 3e A in collège A, with an account (Pupil.userId)',
  PADM: 'administrateur of platform P1 (SiteRole ADMIN)',
  PTEA: 'enseignant of platform P1 (SiteRole TEACHER)',
  OPER: 'platform operator (User.isOperator; its powers live on the portal only)',
  ANON: 'nobody signed in',
};

export const PORTAL = 'localhost';

let seq = 0;
export const nextN = () => ++seq;

/** A valid UAI (Ille-et-Vilaine, check letter) never used by the factories (they use 035 5xxx). */
export function freshUai(): string {
  const first7 = `035${String(8000 + nextN()).padStart(4, '0')}`;
  return `${first7}${uaiCheckLetter(first7)}`;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

async function conventionInfo(p: PrismaClient, establishmentId: string, head: string) {
  await p.establishment.update({
    where: { id: establishmentId },
    data: {
      headName: head,
      headTitle: 'Chef d’établissement',
      address1: '3 allée des Ormeaux',
      postalCode: '35700',
      city: 'Rennes',
      insurer: 'MAIF',
      insurancePolicy: '1234567',
      academyCode: 'rennes',
    },
  });
}

export async function buildWorld(p: PrismaClient) {
  setNow(NOW, { frozen: true });
  // P1 first: makeEstablishment upserts the académie de Rennes the collèges are moved into.
  const P1 = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  const P2 = await makeSite(p, { slug: 'autre', uai: '0350041E' });
  const P3 = await makeSite(p, { slug: 'reserve', uai: '0350709F' });
  const A = await makeTeam(p, { name: 'Collège les Ormeaux' });
  const B = await makeTeam(p, { name: 'Collège Françoise Dolto' });
  for (const [e, head] of [
    [A.establishmentId, 'Mme Claire Martin'],
    [B.establishmentId, 'M. Paul Morin'],
    [P1.lycee.id, 'M. Alain Le Goff'],
    [P2.lycee.id, 'Mme Anne Riou'],
  ] as const)
    await conventionInfo(p, e, head);
  for (const t of [A, B])
    await p.guardian.create({ data: { pupilId: t.pupil.id, rank: 1, firstName: 'Marc', lastName: 'Parent', email: `parent.${t.pupil.id}@example.fr` } });
  const operator = await makeUser(p, { email: 'operateur@ministage.localhost', isOperator: true });

  const users: Record<RoleKey, string | null> = {
    PRI: A.members.PRINCIPAL.user.id,
    DEP: A.members.DEPUTY.user.id,
    PP: A.members.MAIN_TEACHER.user.id,
    TEA: A.members.TEACHER.user.id,
    SEC: A.members.SECRETARY.user.id,
    PUP: A.pupilUser.id,
    PADM: P1.admin.id,
    PTEA: P1.teacherUser.id,
    OPER: operator.id,
    ANON: null,
  };

  // Stages: a future one per platform (enrolments, conventions), one today (attendance).
  const D = daysFromNow(10);
  const stage1 = await makeStage(p, P1, { date: D, capacity: 200 });
  const stage2 = await makeStage(p, P2, { date: D, capacity: 200 });
  const today1 = await makeStage(p, P1, { date: TODAY, capacity: 50 });
  const today2 = await makeStage(p, P2, { date: TODAY, capacity: 50 });

  const college = (which: 'A' | 'B'): Team => (which === 'A' ? A : B);
  const site = (which: 'P1' | 'P2'): TestSite => (which === 'P1' ? P1 : P2);

  /** A pupil of 3e A (the PP's class) of collège A or B, with a guardian (a convention needs one). */
  async function pupil(which: 'A' | 'B') {
    const t = college(which);
    const { pupil } = await makePupil(p, { establishmentId: t.establishmentId, classRoomId: t.classA.id, guardians: 1 });
    return pupil;
  }

  /** A confirmed enrolment, written as the factories do (no rules): a fresh pupil unless one is given. */
  async function enrolment(which: 'A' | 'B', where: 'P1' | 'P2', opts: { today?: boolean; pupilId?: string } = {}) {
    const stage = opts.today ? (where === 'P1' ? today1 : today2) : where === 'P1' ? stage1 : stage2;
    const pupilId = opts.pupilId ?? (await pupil(which)).id;
    const t = college(which);
    const e = await p.enrolment.create({
      data: { stageId: stage.id, pupilId, establishmentId: t.establishmentId, enrolledById: t.members.PRINCIPAL.user.id, status: 'CONFIRMED' },
    });
    await p.stage.update({ where: { id: stage.id }, data: { enrolledCount: { increment: 1 } } });
    return e;
  }

  const origins = (where: 'P1' | 'P2') => ({ site: `http://${site(where).host}`, portal: 'http://localhost' });

  /** An enrolment whose convention was sent for signature (version 1, its PDF, one link per party), with the links' raw tokens. */
  async function sentConvention(which: 'A' | 'B', where: 'P1' | 'P2', opts: { pupilId?: string } = {}) {
    const e = await enrolment(which, where, opts);
    const since = new Date(Date.now() - 1);
    await sendForSignature({ enrolmentId: e.id, siteId: site(where).site.id, by: { actorId: site(where).admin.id }, origins: origins(where) });
    const mails = await p.outboxEmail.findMany({ where: { createdAt: { gte: since } }, orderBy: { createdAt: 'asc' } });
    const tokens = mails.map((m) => /\/signature\/([A-Za-z0-9_-]{43})/.exec(m.html)?.[1]).filter((t): t is string => !!t);
    const convention = await p.convention.findUniqueOrThrow({ where: { enrolmentId: e.id } });
    return { enrolment: e, convention, tokens };
  }

  /** One sent convention of collège A per platform that the matrix only reads (its links stay unused). */
  const sentMemo = new Map<'P1' | 'P2', ReturnType<typeof sentConvention>>();
  const sharedSent = (where: 'P1' | 'P2') => {
    if (!sentMemo.has(where)) sentMemo.set(where, sentConvention('A', where));
    return sentMemo.get(where)!;
  };

  const pupilMemo = new Map<'A' | 'B', ReturnType<typeof pupil>>();
  /** One pupil per collège that the matrix only reads. */
  const sharedPupil = (which: 'A' | 'B') => {
    if (!pupilMemo.has(which)) pupilMemo.set(which, pupil(which));
    return pupilMemo.get(which)!;
  };

  const link = (input: IssueInput) => p.$transaction((tx) => issueLink(tx, input));
  const DAY = 24 * 60;

  /** A staff invitation of collège A or B to a fresh address (or `email`), with its raw token. */
  async function staffInvitation(which: 'A' | 'B', email = `invite${nextN()}@ac-rennes.fr`) {
    const t = college(which);
    const l = await link({
      purpose: 'staff-invitation',
      email,
      establishmentId: t.establishmentId,
      staffRole: 'TEACHER',
      invitedById: t.members.PRINCIPAL.user.id,
      ttlMinutes: 7 * DAY,
    });
    return { id: l.id, raw: l.raw, email };
  }

  /** A platform invitation of P1 or P2 (role enseignant) to `email`, with its raw token. */
  async function siteInvitation(where: 'P1' | 'P2', email: string) {
    const s = site(where);
    const l = await link({ purpose: 'platform-invitation', email, siteId: s.site.id, siteRole: 'TEACHER', invitedById: s.admin.id, ttlMinutes: 7 * DAY });
    return { id: l.id, raw: l.raw, email };
  }

  async function accountLink(purpose: 'activation' | 'password-reset', status: 'PENDING_ACTIVATION' | 'ACTIVE') {
    const user = await makeUser(p, { email: `compte${nextN()}@ac-rennes.fr`, status });
    const l = await link({ purpose, userId: user.id, ttlMinutes: DAY });
    return { user, raw: l.raw };
  }

  const member = (which: 'A' | 'B', status: 'PENDING' | 'ACTIVE', role: StaffRole = 'TEACHER') =>
    makeMember(p, { establishmentId: college(which).establishmentId, role, status });
  const classOf = (which: 'A' | 'B') => makeClass(p, { establishmentId: college(which).establishmentId, name: `4e ${nextN()}`, level: '4e' });

  const passwordHash = await hashPassword(PASSWORD);

  return {
    now: () => clock.now(),
    passwordHash,
    /** A stage of P1 or P2 without enrolments (the stage acts edit, copy or cancel it). */
    makeStage: (where: 'P1' | 'P2') => makeStage(p, site(where), { date: stageDay(16) }),
    A,
    B,
    P1,
    P2,
    P3,
    operator,
    users,
    stage1,
    stage2,
    today1,
    today2,
    college,
    site,
    pupil,
    enrolment,
    sentConvention,
    sharedSent,
    sharedPupil,
    staffInvitation,
    siteInvitation,
    accountLink,
    member,
    classOf,
    lycee: (uai: string) => makeEstablishment(p, { uai, kind: 'LYCEE', name: `Lycée ${uai}` }),
  };
}
