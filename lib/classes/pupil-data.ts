// A pupil's data on request (RGPD, issue 14): everything held about one pupil — as JSON and as a
// printable French page (« Données de l'élève ») — and its erasure, for the head of the collège
// (`pupils:data`). The erasure anonymises as the yearly rollover does: `anonymisePupils` is the one
// way, called by both (lib/classes/rollover.ts), and it also covers what a convention, its signature
// links and the outbox hold about the pupil and their guardians.
//
// What a convention keeps once its pupil is anonymised (a signed convention is a legal document of the
// host lycée, which keeps the signed copy it received): its number, verification code, status,
// version, dates, the SHA-256 of its content, of the PDF that was signed and of the sealed PDF (so that the lycée's own
// copy can still be verified on /verification, without the platform holding its content), and each
// signature's party, version and date. The institutions' signers (home school, host) keep their name:
// they signed as office holders, for their establishment. Everything else goes: the frozen content
// (`snapshot`: the pupil, their guardians), both PDFs, the guardians' signatures' names, every
// signature's address, IP and browser, the signature links (hashes, each with its recipient). A
// convention not signed by every party can no longer be signed (its pupil is gone): it is cancelled.
import { Prisma } from '../generated/prisma/client.ts';
import { prisma, type Tx } from '../core/db.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { dbDay, parisDay, type Day } from '../core/format.ts';
import type { Scope } from '../core/scope.ts';
import * as clock from '../core/clock.ts';
import { recordAudit } from '../audit/service.ts';

// ───────────────────────────── which emails are about a pupil ─────────────────────────────

type PupilKey = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  user: { email: string | null; login: string } | null;
  guardians: { email: string | null }[];
};

const KEY_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  user: { select: { email: true, login: true } },
  guardians: { select: { email: true } },
} satisfies Prisma.PupilSelect;

/** Lower case, without accents: « Inès » and « INES » read alike. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The word `word` (folded) in `text` (folded): « Léo » is not in « Léonie ». */
const hasWord = (text: string, word: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(fold(word).trim())}($|[^\\p{L}\\p{N}])`, 'u').test(text);

/** The email names this pupil: their first and last name both appear in it. */
function namesPupil(text: string, p: Pick<PupilKey, 'firstName' | 'lastName'>): boolean {
  if (!p.firstName?.trim() || !p.lastName?.trim()) return false;
  const t = fold(text);
  return hasWord(t, p.firstName) && hasWord(t, p.lastName);
}

const ownAddresses = (p: PupilKey) => [p.user?.email, p.user?.login.includes('@') ? p.user.login : null].filter((a): a is string => !!a).map((a) => a.toLowerCase());
const guardianAddresses = (p: PupilKey) => p.guardians.map((g) => g.email?.toLowerCase()).filter((a): a is string => !!a);

const HELD_EMAIL = { id: true, template: true, to: true, subject: true, status: true, createdAt: true, sentAt: true, text: true } satisfies Prisma.OutboxEmailSelect;
type HeldEmail = Prisma.OutboxEmailGetPayload<{ select: typeof HELD_EMAIL }>;

/**
 * The outbox emails (pending, sent or abandoned, until the outbox's retention deletes them) about
 * these pupils: every email to a pupil's own address; to a guardian's address, those that name the
 * pupil or carry one of their conventions' numbers — two siblings' guardians share an address, and
 * the other child's emails are not this one's. `anyRecipient`: also the emails to anybody else (the
 * collège's and the lycée's staff) whose subject carries one of their conventions' numbers (the
 * signature requests, the signed PDF) — erased with the pupil, never exported (other people's mail).
 */
async function emailsAbout(db: Tx, pupils: PupilKey[], numbers: Map<string, string[]>, opts: { anyRecipient: boolean }): Promise<HeldEmail[]> {
  const own = new Set(pupils.flatMap(ownAddresses));
  const byGuardian = new Map<string, PupilKey[]>();
  for (const p of pupils) for (const a of guardianAddresses(p)) byGuardian.set(a, [...(byGuardian.get(a) ?? []), p]);
  const allNumbers = [...numbers.values()].flat();
  const addresses = [...new Set([...own, ...byGuardian.keys()])];
  const or: Prisma.OutboxEmailWhereInput[] = [];
  if (addresses.length) or.push({ to: { in: addresses } });
  if (opts.anyRecipient) for (const n of allNumbers) or.push({ subject: { contains: n } });
  if (!or.length) return [];
  const rows = await db.outboxEmail.findMany({ where: { OR: or }, select: HELD_EMAIL, orderBy: { createdAt: 'asc' } });
  const carries = (e: HeldEmail, list: string[]) => list.some((n) => e.subject.includes(n) || e.text.includes(n));
  return rows.filter((e) => {
    const to = e.to.toLowerCase();
    if (own.has(to)) return true;
    const children = byGuardian.get(to);
    if (children) return children.some((p) => namesPupil(`${e.subject}\n${e.text}`, p) || carries(e, numbers.get(p.id) ?? []));
    return opts.anyRecipient && allNumbers.some((n) => e.subject.includes(n));
  });
}

// ───────────────────────────── anonymisation (rollover and erasure) ─────────────────────────────

export type AnonymisedCounts = { pupils: number; guardians: number; accounts: number; conventions: number; signatures: number; links: number; emails: number };

const GUARDIAN_PARTIES = ['GUARDIAN_1', 'GUARDIAN_2'] as const;
/** What a guardian's signature keeps of its signer once the pupil is anonymised. */
export const ERASED_SIGNER = 'Responsable légal (données effacées)';

/**
 * Anonymises these pupils, in the caller's transaction: names, birth date, typed-in class, class and
 * account link cleared (`anonymisedAt` set), guardians deleted, the pupils' accounts deleted (never a
 * staff or operator account); establishment, level, school year, enrolments and attendance kept for
 * statistics. Their conventions keep what the file's header says; the outbox emails about them go.
 * The audit trail is append-only and holds ids, not names: it is left as it is.
 */
export async function anonymisePupils(tx: Tx, pupilIds: string[], now: Date = clock.now()): Promise<AnonymisedCounts> {
  const none: AnonymisedCounts = { pupils: 0, guardians: 0, accounts: 0, conventions: 0, signatures: 0, links: 0, emails: 0 };
  if (!pupilIds.length) return none;
  const pupils = await tx.pupil.findMany({ where: { id: { in: pupilIds }, anonymisedAt: null }, select: { ...KEY_SELECT, userId: true } });
  if (!pupils.length) return none;
  const ids = pupils.map((p) => p.id);
  const conventions = await tx.convention.findMany({
    where: { enrolment: { pupilId: { in: ids } } },
    select: { id: true, number: true, status: true, cancelledAt: true, enrolment: { select: { pupilId: true } } },
  });
  const conventionIds = conventions.map((c) => c.id);
  const numbers = new Map<string, string[]>();
  for (const c of conventions) numbers.set(c.enrolment.pupilId, [...(numbers.get(c.enrolment.pupilId) ?? []), c.number]);

  // The outbox first: finding the emails needs the names and addresses about to go.
  const emails = await emailsAbout(tx, pupils, numbers, { anyRecipient: true });
  const { count: emailCount } = emails.length ? await tx.outboxEmail.deleteMany({ where: { id: { in: emails.map((e) => e.id) } } }) : { count: 0 };

  // Conventions: a signed one keeps its hashes and dates, an unfinished one is cancelled.
  let links = 0;
  let signatures = 0;
  if (conventionIds.length) {
    // Its signature links go (a link keeps its recipient, by a CHECK): an old email's link then reads as unknown.
    ({ count: links } = await tx.emailLink.deleteMany({ where: { conventionId: { in: conventionIds } } }));
    // The hashes stay (a signed convention must hold them, by a CHECK): they cannot be read back.
    const redacted = { snapshot: Prisma.DbNull, pdf: null, sealedPdf: null };
    await tx.convention.updateMany({ where: { id: { in: conventionIds }, status: { in: ['SIGNED', 'CANCELLED'] } }, data: redacted });
    await tx.convention.updateMany({ where: { id: { in: conventionIds }, status: { in: ['DRAFT', 'READY', 'PARTIAL'] } }, data: { ...redacted, status: 'CANCELLED' } });
    await tx.convention.updateMany({ where: { id: { in: conventionIds }, cancelledAt: null, status: 'CANCELLED' }, data: { cancelledAt: now } });
    const guardians = await tx.signature.updateMany({
      where: { conventionId: { in: conventionIds }, party: { in: [...GUARDIAN_PARTIES] } },
      data: { signerName: ERASED_SIGNER, signerEmail: null, ip: null, userAgent: null },
    });
    const staff = await tx.signature.updateMany({
      where: { conventionId: { in: conventionIds }, party: { notIn: [...GUARDIAN_PARTIES] } },
      data: { signerEmail: null, ip: null, userAgent: null },
    });
    signatures = guardians.count + staff.count;
  }

  // A convocation still to build would name nobody: it is not sent.
  await tx.enrolment.updateMany({ where: { pupilId: { in: ids }, convocationDue: { not: null } }, data: { convocationDue: null } });
  const { count: guardianCount } = await tx.guardian.deleteMany({ where: { pupilId: { in: ids } } });
  await tx.pupil.updateMany({
    where: { id: { in: ids } },
    data: { firstName: null, lastName: null, birthDate: null, classLabel: null, classRoomId: null, userId: null, anonymisedAt: now },
  });
  // The pupils' accounts go (login, email, password, sessions, links); never a staff or operator account.
  const userIds = pupils.map((p) => p.userId).filter((u): u is string => !!u);
  const { count: accounts } = userIds.length
    ? await tx.user.deleteMany({ where: { id: { in: userIds }, isOperator: false, memberships: { none: {} }, siteMemberships: { none: {} } } })
    : { count: 0 };
  return { pupils: ids.length, guardians: guardianCount, accounts, conventions: conventionIds.length, signatures, links, emails: emailCount };
}

// ───────────────────────────── the export ─────────────────────────────

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type PupilDataExport = {
  /** The format's name and version, for whoever reads the file later. */
  format: 'ministage/donnees-eleve/1';
  exportedAt: string;
  establishment: { id: string; name: string; uai: string };
  pupil: {
    id: string;
    lastName: string | null;
    firstName: string | null;
    birthDate: Day | null;
    level: string | null;
    classLabel: string | null;
    schoolYear: number;
    createdAt: string;
    updatedAt: string;
  };
  classRoom: { id: string; name: string; level: string; schoolYear: number } | null;
  account: { id: string; login: string; email: string | null; emailVerified: string | null; status: string; createdAt: string; lastLoginAt: string | null } | null;
  guardians: { rank: number; lastName: string; firstName: string; email: string | null; phone: string | null; enteredByPupil: boolean }[];
  enrolments: {
    id: string;
    status: string;
    createdAt: string;
    cancelledAt: string | null;
    attendance: string | null;
    attendanceAt: string | null;
    convocationSentAt: string | null;
    stage: { id: string; date: Day; startMinutes: number; endMinutes: number; type: string; formation: string; platform: string; lycee: string; status: string };
    conventionId: string | null;
  }[];
  conventions: {
    id: string;
    enrolmentId: string;
    number: string;
    status: string;
    version: number;
    sentAt: string | null;
    signedAt: string | null;
    receivedAt: string | null;
    cancelledAt: string | null;
    /** The content frozen when it was sent for signature (what the PDF prints). */
    snapshot: unknown;
    pdf: { sha256: string | null; bytes: number } | null;
    sealedPdf: { sha256: string | null; bytes: number } | null;
    /** A guardian's signature in full; an institution's: who and when (its signer's address, IP and browser are theirs, not the pupil's). */
    signatures: {
      party: string;
      version: number;
      signerName: string;
      signerEmail: string | null;
      signedAt: string;
      ip: string | null;
      userAgent: string | null;
      voidedAt: string | null;
    }[];
  }[];
  /** The signature links sent to the guardians (only a SHA-256 of each link is stored). */
  emailLinks: {
    id: string;
    conventionId: string | null;
    party: string | null;
    version: number | null;
    recipient: string | null;
    createdAt: string;
    expiresAt: string;
    usedAt: string | null;
    revokedAt: string | null;
  }[];
  /** Emails to the pupil or their guardians still held by the outbox (deleted some days after sending). */
  outboxEmails: { id: string; template: string; to: string; subject: string; status: string; createdAt: string; sentAt: string | null; text: string }[];
  /** The audit trail's entries about the pupil, their account, enrolments and conventions: ids and facts, never another pupil's data. */
  auditEntries: { id: string; at: string; action: string; by: 'élève' | 'personnel' | 'plateforme'; targetType: string | null; targetId: string | null; data: unknown }[];
};

/** Keys of some audit lines (a signature's) that name an adult or their connection: exported in `conventions[].signatures` for the guardians only. */
const PERSONAL_AUDIT_KEYS = new Set(['signerName', 'signerEmail', 'ip', 'userAgent']);

function auditData(data: Prisma.JsonValue | null): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([k]) => !PERSONAL_AUDIT_KEYS.has(k)));
}

const bytesOf = (b: Uint8Array | null, sha256: string | null) => (b ? { sha256, bytes: b.byteLength } : null);

/** Everything held about one pupil of the collège (not anonymised), or null when there is no such pupil there. */
async function collect(db: Tx, establishmentId: string, pupilId: string, now: Date): Promise<PupilDataExport | null> {
  const p = await db.pupil.findFirst({
    where: { id: pupilId, establishmentId, anonymisedAt: null },
    select: {
      ...KEY_SELECT,
      birthDate: true,
      level: true,
      classLabel: true,
      schoolYear: true,
      createdAt: true,
      updatedAt: true,
      establishment: { select: { id: true, name: true, uai: true } },
      classRoom: { select: { id: true, name: true, level: true, schoolYear: true } },
      user: { select: { id: true, login: true, email: true, emailVerified: true, status: true, createdAt: true, lastLoginAt: true } },
      guardians: { orderBy: { rank: 'asc' }, select: { rank: true, lastName: true, firstName: true, email: true, phone: true, enteredByPupil: true } },
      enrolments: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          status: true,
          createdAt: true,
          cancelledAt: true,
          attendance: true,
          attendanceAt: true,
          convocationSentAt: true,
          stage: {
            select: {
              id: true,
              date: true,
              startMinutes: true,
              endMinutes: true,
              stageType: true,
              status: true,
              formation: { select: { type: true, name: true } },
              site: { select: { name: true, establishment: { select: { name: true } } } },
            },
          },
          convention: {
            select: {
              id: true,
              number: true,
              status: true,
              version: true,
              sentAt: true,
              signedAt: true,
              receivedAt: true,
              cancelledAt: true,
              snapshot: true,
              pdf: true,
              pdfSha256: true,
              sealedPdf: true,
              sealedSha256: true,
              signatures: { orderBy: { signedAt: 'asc' } },
              links: { where: { party: { in: [...GUARDIAN_PARTIES] } }, orderBy: { createdAt: 'asc' } },
            },
          },
        },
      },
    },
  });
  if (!p || !p.establishment) return null;
  const conventions = p.enrolments.flatMap((e) => (e.convention ? [{ ...e.convention, enrolmentId: e.id }] : []));
  const numbers = new Map([[p.id, conventions.map((c) => c.number)]]);
  const emails = await emailsAbout(db, [p], numbers, { anyRecipient: false });
  const targets: Prisma.AuditEntryWhereInput[] = [
    { targetType: 'Pupil', targetId: p.id },
    { targetType: 'Enrolment', targetId: { in: p.enrolments.map((e) => e.id) } },
    { targetType: 'Convention', targetId: { in: conventions.map((c) => c.id) } },
    ...(p.user ? [{ targetType: 'User', targetId: p.user.id }] : []),
  ];
  const audit = await db.auditEntry.findMany({
    where: { OR: targets },
    orderBy: { at: 'asc' },
    select: { id: true, at: true, action: true, actorId: true, targetType: true, targetId: true, data: true },
  });
  const guardianParty = (party: string) => (GUARDIAN_PARTIES as readonly string[]).includes(party);
  return {
    format: 'ministage/donnees-eleve/1',
    exportedAt: now.toISOString(),
    establishment: p.establishment,
    pupil: {
      id: p.id,
      lastName: p.lastName,
      firstName: p.firstName,
      birthDate: p.birthDate ? dbDay(p.birthDate) : null,
      level: p.level,
      classLabel: p.classLabel,
      schoolYear: p.schoolYear,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    },
    classRoom: p.classRoom,
    account: p.user
      ? {
          id: p.user.id,
          login: p.user.login,
          email: p.user.email,
          emailVerified: iso(p.user.emailVerified),
          status: p.user.status,
          createdAt: p.user.createdAt.toISOString(),
          lastLoginAt: iso(p.user.lastLoginAt),
        }
      : null,
    guardians: p.guardians,
    enrolments: p.enrolments.map((e) => ({
      id: e.id,
      status: e.status,
      createdAt: e.createdAt.toISOString(),
      cancelledAt: iso(e.cancelledAt),
      attendance: e.attendance,
      attendanceAt: iso(e.attendanceAt),
      convocationSentAt: iso(e.convocationSentAt),
      stage: {
        id: e.stage.id,
        date: dbDay(e.stage.date),
        startMinutes: e.stage.startMinutes,
        endMinutes: e.stage.endMinutes,
        type: e.stage.stageType,
        formation: `${e.stage.formation.type} ${e.stage.formation.name}`,
        platform: e.stage.site.name,
        lycee: e.stage.site.establishment.name,
        status: e.stage.status,
      },
      conventionId: e.convention?.id ?? null,
    })),
    conventions: conventions.map((c) => ({
      id: c.id,
      enrolmentId: c.enrolmentId,
      number: c.number,
      status: c.status,
      version: c.version,
      sentAt: iso(c.sentAt),
      signedAt: iso(c.signedAt),
      receivedAt: iso(c.receivedAt),
      cancelledAt: iso(c.cancelledAt),
      snapshot: c.snapshot,
      pdf: bytesOf(c.pdf, c.pdfSha256),
      sealedPdf: bytesOf(c.sealedPdf, c.sealedSha256),
      signatures: c.signatures.map((s) => {
        const full = guardianParty(s.party);
        return {
          party: s.party,
          version: s.version,
          signerName: s.signerName,
          signerEmail: full ? s.signerEmail : null,
          signedAt: s.signedAt.toISOString(),
          ip: full ? s.ip : null,
          userAgent: full ? s.userAgent : null,
          voidedAt: iso(s.voidedAt),
        };
      }),
    })),
    emailLinks: conventions.flatMap((c) =>
      c.links.map((l) => ({
        id: l.id,
        conventionId: l.conventionId,
        party: l.party,
        version: l.version,
        recipient: l.recipient,
        createdAt: l.createdAt.toISOString(),
        expiresAt: l.expiresAt.toISOString(),
        usedAt: iso(l.usedAt),
        revokedAt: iso(l.revokedAt),
      })),
    ),
    outboxEmails: emails.map((e) => ({
      id: e.id,
      template: e.template,
      to: e.to,
      subject: e.subject,
      status: e.status,
      createdAt: e.createdAt.toISOString(),
      sentAt: iso(e.sentAt),
      text: e.text,
    })),
    auditEntries: audit.map((a) => ({
      id: a.id,
      at: a.at.toISOString(),
      action: a.action,
      by: a.actorId === null ? 'plateforme' : a.actorId === p.user?.id ? 'élève' : 'personnel',
      targetType: a.targetType,
      targetId: a.targetId,
      data: auditData(a.data),
    })),
  };
}

/**
 * The export, for the head of the pupil's collège (`scope` from `scopeOf(actor, 'pupils:data')`):
 * recorded in the audit trail (« pupil.export », ids only). Another collège's pupil, or an anonymised
 * one, is not found.
 */
export async function exportPupilData(scope: Scope, input: { pupilId: string; format: 'json' | 'html'; now?: Date }): Promise<PupilDataExport> {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    const data = await collect(tx, scope.establishmentId, input.pupilId, now);
    if (!data) throw notFound('Élève');
    await recordAudit(tx, {
      actorId: scope.actorId,
      action: 'pupil.export',
      establishmentId: scope.establishmentId,
      targetType: 'Pupil',
      targetId: data.pupil.id,
      data: { format: input.format },
    });
    return data;
  });
}

// ───────────────────────────── the erasure ─────────────────────────────

const spaced = (s: string) =>
  fold(s)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/** The confirmation typed: the pupil's name as the page shows it (« DUPONT Léa »), or « Léa Dupont »; any case or accent. */
export function confirmsPupil(typed: string, p: { firstName: string | null; lastName: string | null }): boolean {
  const t = spaced(typed);
  if (!t) return false;
  const first = spaced(p.firstName ?? '');
  const last = spaced(p.lastName ?? '');
  return [`${last} ${first}`, `${first} ${last}`].map((n) => n.trim()).includes(t);
}

export type ErasureResult = AnonymisedCounts & { id: string };

/**
 * « Effacer les données de l'élève », on request: refused while the pupil is enrolled in a stage to
 * come (cancelling tells the lycée and the family: do it first), then anonymised as the rollover does
 * (`anonymisePupils`), and recorded (« pupil.erase », ids and counts only).
 */
export async function erasePupil(scope: Scope, input: { pupilId: string; confirmation: string; now?: Date }): Promise<ErasureResult> {
  const now = input.now ?? clock.now();
  return prisma.$transaction(async (tx) => {
    // The pupil's row locked: an enrolment (which locks it too) waits for the erasure, then finds it gone.
    await tx.$queryRaw`SELECT "id" FROM "Pupil" WHERE "id" = ${input.pupilId} AND "establishmentId" = ${scope.establishmentId} FOR UPDATE`;
    const pupil = await tx.pupil.findFirst({
      where: { id: input.pupilId, establishmentId: scope.establishmentId, anonymisedAt: null },
      select: { id: true, firstName: true, lastName: true },
    });
    if (!pupil) throw notFound('Élève');
    if (!confirmsPupil(input.confirmation, pupil)) {
      throw invalid('Le nom tapé n’est pas celui de l’élève : rien n’a été effacé.', {
        confirmation: ['Pour confirmer, tapez le nom et le prénom de l’élève tels qu’ils sont affichés sur cette page.'],
      });
    }
    const upcoming = await tx.enrolment.count({
      where: { pupilId: pupil.id, status: { in: ['CONFIRMED', 'WAITING'] }, stage: { status: 'PUBLISHED', date: { gte: new Date(`${parisDay(now)}T00:00:00.000Z`) } } },
    });
    if (upcoming)
      throw conflict(
        upcoming === 1
          ? 'Cet élève est inscrit à un mini-stage à venir : annulez d’abord cette inscription (le lycée et la famille en sont prévenus), puis effacez ses données.'
          : `Cet élève est inscrit à ${upcoming} mini-stages à venir : annulez d’abord ces inscriptions (le lycée et la famille en sont prévenus), puis effacez ses données.`,
      );
    const counts = await anonymisePupils(tx, [pupil.id], now);
    await recordAudit(tx, {
      actorId: scope.actorId,
      action: 'pupil.erase',
      establishmentId: scope.establishmentId,
      targetType: 'Pupil',
      targetId: pupil.id,
      data: {
        guardians: counts.guardians,
        accounts: counts.accounts,
        conventions: counts.conventions,
        signatures: counts.signatures,
        links: counts.links,
        emails: counts.emails,
      },
    });
    return { id: pupil.id, ...counts };
  });
}
