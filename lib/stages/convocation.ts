// Convocations and the other emails about one enrolment, written to the outbox inside the change's
// transaction. Used by the enrolments area (enrol, waiting-list promotion, cancellation, attendance,
// reminders) and by this area (a stage edited or cancelled sends the updated invitation).
import { createElement } from 'react';
import type { Tx } from '../core/db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import ConvocationEmail, { type ConvocationEmailProps } from '../../emails/convocation.tsx';
import NoticeEmail from '../../emails/notice.tsx';
import { dbDay, displayName, formatDay, formatHours } from '../core/format.ts';
import { convocationAttachment, type ConvocationEvent } from './convocation-ics.ts';
import { stageSlotSelect } from './queries.ts';

/**
 * What a convocation says of a stage besides its slot: its type and schedule, where (the lycée's
 * address, the room), whom to ask, what to bring, how the convention goes back. Read by the emails
 * below and by the pupil's « Mes stages » (lib/conventions/home.ts), so both say the same.
 */
export const convocationStageSelect = {
  stageType: true,
  scheduleDetail: true,
  place: true,
  teacher: { select: { firstName: true, lastName: true, email: true } },
  site: {
    select: {
      name: true,
      convocationNote: true,
      conventionReturn: true,
      contacts: { orderBy: { position: 'asc' }, take: 2, select: { name: true, role: true, phone: true, email: true } },
      establishment: { select: { name: true, address1: true, address2: true, postalCode: true, city: true, latitude: true, longitude: true } },
    },
  },
} satisfies Prisma.StageSelect;

export type ConvocationStage = Prisma.StageGetPayload<{ select: typeof convocationStageSelect }>;

/** Everything an enrolment's emails need, in one select. */
export const enrolmentMailSelect = {
  id: true,
  sequence: true,
  status: true,
  convocationSentAt: true,
  establishmentId: true,
  pupil: { select: { firstName: true, lastName: true, classLabel: true, classRoom: { select: { name: true } }, guardians: { select: { email: true } } } },
  enrolledBy: { select: { email: true, emailVerified: true, status: true } },
  establishment: { select: { name: true } },
  stage: {
    select: {
      ...stageSlotSelect,
      ...convocationStageSelect,
      site: {
        select: {
          ...convocationStageSelect.site.select,
          id: true,
          memberships: { where: { role: 'ADMIN', user: { status: 'ACTIVE', email: { not: null } } }, select: { user: { select: { email: true } } } },
        },
      },
    },
  },
} satisfies Prisma.EnrolmentSelect;

export type EnrolmentMailRow = Prisma.EnrolmentGetPayload<{ select: typeof enrolmentMailSelect }>;

const DEFAULT_TO_BRING = 'Le carnet de correspondance et de quoi écrire ; une tenue adaptée si la formation le demande (chaussures fermées en atelier).';
const DEFAULT_CONVENTION =
  'La convention de stage, signée par le collège, le lycée et les responsables légaux, est à remettre au lycée avant le stage : sans elle, l’élève ne peut pas être accueilli.';

const pupilName = (r: EnrolmentMailRow) => displayName(r.pupil, { fallback: 'Élève' });
const formationOf = (r: EnrolmentMailRow) => `${r.stage.formation.type} ${r.stage.formation.name}`;
const stageUrl = (r: EnrolmentMailRow, origin: string) => `${origin}/stages/${r.stage.id}`;

/** « Lieu »: the lycée's name and postal address, then the room when given. */
export function placeLines(stage: ConvocationStage): string[] {
  const e = stage.site.establishment;
  return [e.name, e.address1, e.address2, [e.postalCode, e.city].filter(Boolean).join(' '), stage.place].filter((l): l is string => !!l && l.trim() !== '');
}

type PostalAddress = { name: string; address1: string | null; postalCode: string | null; city: string | null };

/** An OpenStreetMap search of the address (the street, postcode and town; the name and town without a street), or null without one. */
export function mapSearchUrl(e: PostalAddress): string | null {
  const q = (e.address1?.trim() ? [e.address1, [e.postalCode, e.city].filter(Boolean).join(' ')] : [e.name, e.city]).filter((l) => !!l && l.trim() !== '').join(', ');
  return q ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(q)}` : null;
}

/** The emails' map link: the lycée's coordinates when the annuaire gives them, else a search of its address. */
function mapUrl(stage: ConvocationStage): string | null {
  const e = stage.site.establishment;
  if (e.latitude != null && e.longitude != null) return `https://www.openstreetmap.org/?mlat=${e.latitude}&mlon=${e.longitude}#map=17/${e.latitude}/${e.longitude}`;
  return mapSearchUrl(e);
}

/** « À l’arrivée, s’adresser à »: the stage's teacher, then the platform's first contacts (else the lycée's reception). */
export function askFor(stage: ConvocationStage): string[] {
  const t = stage.teacher;
  return [
    ...(t ? [`${t.firstName} ${t.lastName}, enseignant(e) responsable du stage`] : []),
    ...stage.site.contacts.map((c) => [`${c.name}, ${c.role}`, c.phone, c.email].filter(Boolean).join(' — ')),
    ...(t || stage.site.contacts.length ? [] : ['L’accueil du lycée']),
  ];
}

/** « À apporter »: the platform's instructions (Options), else the default. */
export const toBringOf = (site: { convocationNote: string | null }): string => site.convocationNote?.trim() || DEFAULT_TO_BRING;

/** « Convention de stage »: how the platform wants it back, else the default. */
export const conventionNoteOf = (site: { conventionReturn: string | null }): string => site.conventionReturn?.trim() || DEFAULT_CONVENTION;

export function convocationEventOf(r: EnrolmentMailRow, origin: string): ConvocationEvent {
  return {
    enrolmentId: r.id,
    sequence: r.sequence,
    pupil: pupilName(r),
    formation: formationOf(r),
    platformName: r.stage.site.name,
    date: dbDay(r.stage.date),
    startMinutes: r.stage.startMinutes,
    endMinutes: r.stage.endMinutes,
    location: placeLines(r.stage).join(', '),
    description: r.stage.scheduleDetail,
    url: stageUrl(r, origin),
  };
}

/** The collège's side: the staff member who enrolled (when their address is proven). */
export function staffAddress(r: EnrolmentMailRow): string | null {
  const by = r.enrolledBy;
  return by?.email && by.emailVerified && by.status === 'ACTIVE' ? by.email : null;
}

const guardianAddresses = (r: EnrolmentMailRow) => [...new Set(r.pupil.guardians.map((g) => g.email?.trim().toLowerCase()).filter((e): e is string => !!e))];

/**
 * Sends the convocation (with its .ics, METHOD:REQUEST at the enrolment's SEQUENCE) to the enrolling
 * staff member and the guardians. Returns how many emails were written (0 when the address is not proven).
 */
export async function sendConvocation(tx: Tx, r: EnrolmentMailRow, opts: { kind: ConvocationEmailProps['kind']; origin: string; now: Date }): Promise<number> {
  const staff = staffAddress(r);
  if (!staff) return 0;
  const event = convocationEventOf(r, opts.origin);
  const common: Omit<ConvocationEmailProps, 'recipient'> = {
    platformName: r.stage.site.name,
    kind: opts.kind,
    pupil: event.pupil,
    classLabel: r.pupil.classRoom?.name ?? r.pupil.classLabel,
    formation: event.formation,
    stageType: r.stage.stageType,
    dateLabel: formatDay(event.date),
    hoursLabel: formatHours(r.stage.startMinutes, r.stage.endMinutes, 'à'),
    scheduleDetail: r.stage.scheduleDetail,
    placeLines: placeLines(r.stage),
    mapUrl: mapUrl(r.stage),
    askFor: askFor(r.stage),
    toBring: toBringOf(r.stage.site),
    convention: conventionNoteOf(r.stage.site),
    stageUrl: event.url,
  };
  // No typed name in a subject (ARCHITECTURE.md, « Emails »): the formation and the day, set by the lycée.
  const subject = `${opts.kind === 'updated' ? 'Convocation mise à jour' : 'Convocation au mini-stage'} : ${event.formation}, ${common.dateLabel}`;
  const attachments = [convocationAttachment(event, 'REQUEST', opts.now)];
  const sends: [string, 'staff' | 'guardian'][] = [[staff, 'staff'], ...guardianAddresses(r).map((g): [string, 'guardian'] => [g, 'guardian'])];
  for (const [to, recipient] of sends) {
    await enqueueEmail(tx, { template: 'convocation', to, subject, attachments, element: createElement(ConvocationEmail, { ...common, recipient }) });
  }
  return sends.length;
}

/** A notice about one enrolment to some addresses (cancellation, absence, reminders), with an optional CANCEL invitation. */
async function sendNotice(
  tx: Tx,
  r: EnrolmentMailRow,
  to: readonly string[],
  n: { subject: string; title: string; paragraphs: string[]; reason: string; origin: string; now: Date; cancelInvitation?: boolean },
): Promise<number> {
  const attachments = n.cancelInvitation ? [convocationAttachment(convocationEventOf(r, n.origin), 'CANCEL', n.now)] : [];
  for (const address of new Set(to)) {
    await enqueueEmail(tx, {
      template: 'notice',
      to: address,
      subject: n.subject,
      attachments,
      element: createElement(NoticeEmail, {
        platformName: r.stage.site.name,
        title: n.title,
        paragraphs: n.paragraphs,
        action: { label: 'Voir le stage', url: stageUrl(r, n.origin) },
        reason: n.reason,
      }),
    });
  }
  return new Set(to).size;
}

const stageLabel = (r: EnrolmentMailRow) => `« ${formationOf(r)} » du ${formatDay(dbDay(r.stage.date))} (${formatHours(r.stage.startMinutes, r.stage.endMinutes)})`;

/** The other side learns of a cancelled enrolment: the lycée's admins and the stage's teacher, or the collège and the guardians. */
export async function sendEnrolmentCancelled(tx: Tx, r: EnrolmentMailRow, opts: { by: 'college' | 'lycee'; origin: string; now: Date }): Promise<number> {
  const pupil = pupilName(r);
  if (opts.by === 'college') {
    const to = [...r.stage.site.memberships.map((m) => m.user.email!), ...(r.stage.teacher?.email ? [r.stage.teacher.email] : [])];
    const lycee = await sendNotice(tx, r, to, {
      subject: `Inscription annulée : ${formationOf(r)}, ${formatDay(dbDay(r.stage.date))}`,
      title: 'Une inscription est annulée',
      paragraphs: ['Bonjour,', `${r.establishment.name} a annulé l’inscription de ${pupil} au mini-stage ${stageLabel(r)}. La place est de nouveau disponible.`],
      reason: 'Vous recevez ce message parce que vous gérez cette plateforme de mini-stages ou encadrez ce stage.',
      origin: opts.origin,
      now: opts.now,
    });
    // The guardians had the convocation's invitation (only if it went out, from a proven account):
    // the same UID, cancelled, takes it out of their calendar.
    const family = await sendNotice(tx, r, r.convocationSentAt && staffAddress(r) ? guardianAddresses(r) : [], {
      subject: `Inscription annulée : ${formationOf(r)}, ${formatDay(dbDay(r.stage.date))}`,
      title: 'Une inscription est annulée',
      paragraphs: [
        'Bonjour,',
        `Le collège ${r.establishment.name} a annulé l’inscription de ${pupil} au mini-stage ${stageLabel(r)}. L’élève n’a pas à se présenter ce jour-là.`,
      ],
      reason: 'Vous recevez ce message parce que vous êtes responsable légal de cet élève.',
      origin: opts.origin,
      now: opts.now,
      cancelInvitation: !!r.convocationSentAt,
    });
    return lycee + family;
  }
  const staff = staffAddress(r);
  // The family only if it had the convocation.
  return sendNotice(tx, r, [...(staff ? [staff] : []), ...(staff && r.convocationSentAt ? guardianAddresses(r) : [])], {
    subject: `Inscription annulée : ${formationOf(r)}, ${formatDay(dbDay(r.stage.date))}`,
    title: 'Une inscription est annulée',
    paragraphs: [
      'Bonjour,',
      `Le lycée ${r.stage.site.name} a annulé l’inscription de ${pupil} au mini-stage ${stageLabel(r)}. L’élève n’a pas à se présenter ce jour-là.`,
      'Pour toute question, contactez le lycée ; le collège peut inscrire l’élève à un autre stage sur la plateforme.',
    ],
    reason: 'Vous recevez ce message parce que vous avez inscrit cet élève, ou en êtes responsable légal.',
    origin: opts.origin,
    now: opts.now,
    cancelInvitation: !!r.convocationSentAt,
  });
}

/** The collège learns of an absence. */
export async function sendAbsence(tx: Tx, r: EnrolmentMailRow, opts: { origin: string; now: Date }): Promise<number> {
  const staff = staffAddress(r);
  if (!staff) return 0;
  return sendNotice(tx, r, [staff], {
    subject: `Absence au mini-stage : ${formationOf(r)}, ${formatDay(dbDay(r.stage.date))}`,
    title: 'Élève absent au mini-stage',
    paragraphs: [
      'Bonjour,',
      `${pupilName(r)} a été noté(e) absent(e) au mini-stage ${stageLabel(r)}.`,
      'Merci de prendre contact avec la famille et, si besoin, avec le lycée.',
    ],
    reason: 'Vous recevez ce message parce que vous avez inscrit cet élève à ce mini-stage.',
    origin: opts.origin,
    now: opts.now,
  });
}

/** Reminders to the collège: the day before the stage, and when the convention is still missing. */
export async function sendReminder(tx: Tx, r: EnrolmentMailRow, opts: { kind: 'day-before' | 'convention'; origin: string; now: Date }): Promise<number> {
  const staff = staffAddress(r);
  if (!staff) return 0;
  const pupil = pupilName(r);
  const dayBefore = opts.kind === 'day-before';
  return sendNotice(tx, r, [staff], {
    subject: dayBefore ? `Rappel : mini-stage demain, ${formationOf(r)}` : `Convention à retourner : mini-stage du ${formatDay(dbDay(r.stage.date))}`,
    title: dayBefore ? 'Mini-stage demain' : 'Convention de stage à retourner',
    paragraphs: dayBefore
      ? ['Bonjour,', `Rappel : ${pupil} est attendu(e) au mini-stage ${stageLabel(r)}.`, toBringOf(r.stage.site)]
      : ['Bonjour,', `La convention de ${pupil} pour le mini-stage ${stageLabel(r)} n’est pas encore signée par toutes les parties.`, conventionNoteOf(r.stage.site)],
    reason: 'Vous recevez ce message parce que vous avez inscrit cet élève à ce mini-stage.',
    origin: opts.origin,
    now: opts.now,
  });
}
