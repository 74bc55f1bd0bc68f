// Conventions: à compléter → prête à signer (sent: version N frozen with its PDF) → partiellement
// signée → signée (sealed PDF), or annulée with the enrolment (lib/stages/service.ts cancelConventionsOf).
// Every party signs through a personal single-use link (lib/core/links.ts, 'convention-signature');
// the signature records who, when, IP, user agent and the SHA-256 of the exact PDF signed, in the
// audit trail. A change of a party's information after sending makes version N+1: the signatures
// on N are void and new links go out. Printing (Chromium) never happens inside a transaction.
import { createElement } from 'react';
import { randomInt } from 'node:crypto';
import { prisma, type Tx } from '../core/db.ts';
import { AppError, conflict, errorSummary, invalid, notFound } from '../core/errors.ts';
import * as clock from '../core/clock.ts';
import { formatDateTime, dbDay, displayName, formatDay, formatHours, schoolYearOfDay, formatDate, parisDay } from '../core/format.ts';
import { checkLink, consumeLink, issueLink, linkPath, linkRefusal, revokeSignatureLinks } from '../core/links.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { recordAudit } from '../audit/service.ts';
import NoticeEmail from '../../emails/notice.tsx';
import type { Prisma, SignatureParty } from '../generated/prisma/client.ts';
import {
  buildContent,
  contentHash,
  loadConventionSource,
  missingForPrint,
  missingForSigning,
  PARTY_AS,
  PARTY_ROLE,
  recipientsOf,
  type ConventionContent,
  type ConventionSource,
  type MissingItem,
  type Origins,
} from './content.ts';
import { attestationPdf, conventionPdf, sha256, type Footer } from './pdf.ts';
import { sealPdf } from './seal.ts';
import type { SignatureMark } from '../../components/conventions/ConventionDocument.tsx';

/** How long a signature link stays valid (renewable with « Renvoyer les liens »). */
const SIGNATURE_LINK_DAYS = 30;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 random characters in three groups (« K7QM-3XPD-9RTA »): printed on every page. */
function newVerifyCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export type ConventionRow = Prisma.ConventionGetPayload<{ select: typeof conventionSelect }>;

const conventionSelect = {
  id: true,
  enrolmentId: true,
  siteId: true,
  number: true,
  verifyCode: true,
  status: true,
  version: true,
  snapshot: true,
  snapshotHash: true,
  pdfSha256: true,
  sealedSha256: true,
  sentAt: true,
  signedAt: true,
  receivedAt: true,
  cancelledAt: true,
  signatures: { orderBy: { signedAt: 'asc' }, select: { party: true, signerName: true, signedAt: true, version: true, voidedAt: true, pdfSha256: true } },
} satisfies Prisma.ConventionSelect;

/** The audit line of an act on a convention: one shape for every act (in the act's transaction). */
function auditConvention(
  tx: Tx,
  c: { id: string; siteId: string },
  entry: { actorId: string | null; action: string; establishmentId: string | null; data: Record<string, unknown>; ip?: string | null },
) {
  return recordAudit(tx, { ...entry, siteId: c.siteId, targetType: 'Convention', targetId: c.id });
}

/** The convention of an enrolment, made on first use (its number: year of the stage, platform, sequence). */
async function ensureConvention(src: ConventionSource): Promise<ConventionRow> {
  const existing = await prisma.convention.findUnique({ where: { enrolmentId: src.id }, select: conventionSelect });
  if (existing) return existing;
  const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT nextval('"Convention_number_seq"') AS n`;
  const year = schoolYearOfDay(dbDay(src.stage.date));
  const number = `${year}-${src.stage.site.slug.toUpperCase().slice(0, 12)}-${String(n).padStart(6, '0')}`;
  try {
    return await prisma.convention.create({
      data: { enrolmentId: src.id, siteId: src.stage.site.id, number, verifyCode: newVerifyCode(), status: src.status === 'CANCELLED' ? 'CANCELLED' : 'DRAFT' },
      select: conventionSelect,
    });
  } catch (err) {
    // Two first opens at once: the other one made it.
    const again = await prisma.convention.findUnique({ where: { enrolmentId: src.id }, select: conventionSelect });
    if (again) return again;
    throw err;
  }
}

function footerOf(c: { number: string; verifyCode: string }, siteOrigin: string): Footer {
  return { number: c.number, verifyCode: c.verifyCode, verifyUrl: `${siteOrigin}/verification` };
}

const frozen = (c: ConventionRow) => (c.snapshot as ConventionContent | null) ?? null;

/** The signatures of the convention's current version, as printed. */
export function marksOf(c: ConventionRow): SignatureMark[] {
  return c.signatures
    .filter((s) => s.version === c.version && !s.voidedAt)
    .map((s) => ({ party: s.party, signerName: s.signerName, signedAt: formatDateTime(s.signedAt) }));
}

/** The parties that must sign a frozen version: home school, host, each guardian it names. */
export const requiredParties = (content: ConventionContent): SignatureParty[] => content.signers.map((s) => s.party);

// ───────────────────────────── reading ─────────────────────────────

export type ConventionState = {
  convention: ConventionRow;
  source: ConventionSource;
  /** The content shown: the frozen version once sent, else the live one. */
  content: ConventionContent;
  missing: MissingItem[];
  missingForSigning: MissingItem[];
  /** Sent, and a party's information changed since: the next signature makes a new version. */
  changed: boolean;
  label: string;
};

function stateLabel(c: Pick<ConventionRow, 'status' | 'receivedAt'>, missing: number): string {
  if (c.receivedAt) return 'Signée (convention papier reçue)';
  switch (c.status) {
    case 'DRAFT':
      return missing ? 'À compléter' : 'Prête à signer (non envoyée)';
    case 'READY':
      return 'Envoyée pour signature';
    case 'PARTIAL':
      return 'Partiellement signée';
    case 'SIGNED':
      return 'Signée';
    case 'CANCELLED':
      return 'Annulée';
  }
}

export async function conventionState(enrolmentId: string, origins: Origins): Promise<ConventionState | null> {
  const source = await loadConventionSource(prisma, enrolmentId);
  if (!source) return null;
  const convention = await ensureConvention(source);
  const live = buildContent(source, convention.number);
  const snap = frozen(convention);
  const sent = convention.status === 'READY' || convention.status === 'PARTIAL' || (convention.status === 'SIGNED' && !convention.receivedAt && snap);
  const content = sent && snap ? snap : live;
  const missing = missingForPrint(source, live, origins);
  return {
    convention,
    source,
    content,
    missing,
    missingForSigning: missingForSigning(source, live, origins),
    changed: (convention.status === 'READY' || convention.status === 'PARTIAL') && convention.snapshotHash !== contentHash(live),
    label: stateLabel(convention, missing.length),
  };
}

/** The PDF « Conv » gives: the sealed one when signed, the frozen version while signing, else the live content. */
export async function conventionFile(enrolmentId: string, origins: Origins): Promise<{ pdf: Buffer; number: string } | { missing: MissingItem[] }> {
  // Reading never makes a new version (a GET must not void signatures nor send emails): a sent
  // convention gives its frozen version until the next signature or the server's tick.
  const state = await conventionState(enrolmentId, origins);
  if (!state) throw notFound('Convention');
  const c = state.convention;
  if (c.sealedSha256) {
    const row = await prisma.convention.findUniqueOrThrow({ where: { id: c.id }, select: { sealedPdf: true } });
    if (row.sealedPdf) return { pdf: Buffer.from(row.sealedPdf), number: c.number };
  }
  if (c.status === 'CANCELLED') throw conflict('Cette inscription est annulée : sa convention aussi.');
  if (state.source.status !== 'CONFIRMED') throw conflict('Seul un élève inscrit (pas en liste d’attente) a une convention.');
  if (c.status === 'READY' || c.status === 'PARTIAL' || (c.status === 'SIGNED' && !c.receivedAt && frozen(c))) {
    const row = await prisma.convention.findUniqueOrThrow({ where: { id: c.id }, select: { pdf: true } });
    // The version as sent, with the signatures made so far.
    if (!marksOf(c).length && row.pdf) return { pdf: Buffer.from(row.pdf), number: c.number };
    return { pdf: await conventionPdf(state.content, { footer: footerOf(c, origins.site), signatures: marksOf(c) }), number: c.number };
  }
  if (state.missing.length) return { missing: state.missing };
  return { pdf: await conventionPdf(state.content, { footer: footerOf(c, origins.site) }), number: c.number };
}

// ───────────────────────────── sending ─────────────────────────────

type Actor = { actorId: string | null };

async function sendLinks(
  tx: Tx,
  c: { id: string; siteId: string; number: string; version: number },
  src: ConventionSource,
  opts: { siteOrigin: string; now: Date; parties?: SignatureParty[]; changed?: boolean },
): Promise<number> {
  const to = recipientsOf(src).filter((r) => !opts.parties || opts.parties.includes(r.party));
  const pupil = displayName(src.pupil, { fallback: 'l’élève' });
  const stage = `${src.stage.formation.type} ${src.stage.formation.name} du ${formatDay(dbDay(src.stage.date))}`;
  for (const r of to) {
    const link = await issueLink(tx, {
      purpose: 'convention-signature',
      ttlMinutes: SIGNATURE_LINK_DAYS * 24 * 60,
      conventionId: c.id,
      party: r.party,
      version: c.version,
      recipient: r.email,
      siteId: c.siteId,
      now: opts.now,
    });
    await enqueueEmail(tx, {
      template: 'notice',
      to: r.email,
      subject: opts.changed ? `Convention modifiée, à signer de nouveau : n° ${c.number}` : `Convention de mini-stage à signer : n° ${c.number}`,
      element: createElement(NoticeEmail, {
        platformName: src.stage.site.name,
        title: opts.changed ? 'La convention a été modifiée : merci de la signer de nouveau' : 'Une convention de mini-stage attend votre signature',
        paragraphs: [
          'Bonjour,',
          `La convention n° ${c.number} du mini-stage ${stage} de ${pupil} attend votre signature, en tant que ${PARTY_AS[r.party]}.`,
          ...(opts.changed ? ['Les informations d’une des parties ont changé depuis l’envoi : les signatures de la version précédente ne valent plus.'] : []),
          `Ce lien vous est personnel ; il sert une seule fois et reste valable ${SIGNATURE_LINK_DAYS} jours.`,
        ],
        action: { label: 'Lire et signer la convention', url: `${opts.siteOrigin}${linkPath('convention-signature', link.raw)}` },
        reason: 'Vous recevez ce message parce que vous êtes l’une des parties de cette convention de stage.',
      }),
    });
  }
  return to.length;
}

/**
 * « Envoyer pour signature »: freezes the content as version 1 (printing its PDF first, outside the
 * transaction), then sends each party its link. Refused while something is missing.
 */
export async function sendForSignature(input: { enrolmentId: string; siteId?: string; by: Actor; origins: Origins; now?: Date }) {
  const now = input.now ?? clock.now();
  const state = await conventionState(input.enrolmentId, input.origins);
  if (!state || (input.siteId && state.convention.siteId !== input.siteId)) throw notFound('Convention');
  const c = state.convention;
  if (state.source.status !== 'CONFIRMED') throw conflict('Seule l’inscription d’un élève inscrit (pas en liste d’attente ni annulée) a une convention à signer.');
  if (c.status !== 'DRAFT') throw conflict('Cette convention est déjà envoyée pour signature : utilisez « Renvoyer les liens » si besoin.');
  if (c.receivedAt) throw conflict('Cette convention est déjà reçue signée sur papier.');
  const missing = [...state.missing, ...state.missingForSigning];
  if (missing.length) throw invalid(`Avant l’envoi, complétez : ${missing.map((m) => m.what.charAt(0).toLowerCase() + m.what.slice(1)).join(' ; ')}.`);
  return freeze(state.convention, state.source, { by: input.by, origins: input.origins, now, reason: 'send' });
}

/** Freezes the live content as the next version, with its PDF, and sends the links (a first send or a new version). */
async function freeze(c: ConventionRow, src: ConventionSource, opts: { by: Actor; origins: Origins; now: Date; reason: 'send' | 'changed' }) {
  const content = buildContent(src, c.number);
  const hash = contentHash(content);
  const pdf = await conventionPdf(content, { footer: footerOf(c, opts.origins.site) });
  const pdfSha256 = sha256(pdf);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.updateMany({
      where: { id: c.id, status: c.status, version: c.version },
      data: {
        status: 'READY',
        version: c.version + 1,
        snapshot: content as unknown as Prisma.InputJsonValue,
        snapshotHash: hash,
        pdf: new Uint8Array(pdf),
        pdfSha256,
        sentAt: opts.now,
      },
    });
    if (count !== 1) throw conflict('Cette convention vient d’être modifiée : rechargez la page.');
    let voided = 0;
    if (opts.reason === 'changed') {
      voided = (await tx.signature.updateMany({ where: { conventionId: c.id, version: c.version, voidedAt: null }, data: { voidedAt: opts.now } })).count;
      await revokeSignatureLinks(tx, { conventionId: c.id, now: opts.now });
    }
    const emails = await sendLinks(tx, { ...c, version: c.version + 1 }, src, { siteOrigin: opts.origins.site, now: opts.now, changed: opts.reason === 'changed' });
    await auditConvention(tx, c, {
      actorId: opts.by.actorId,
      action: opts.reason === 'send' ? 'convention.send' : 'convention.new-version',
      establishmentId: src.establishmentId,
      data: { number: c.number, version: c.version + 1, pdfSha256, emails, ...(voided ? { voidedSignatures: voided } : {}) },
    });
    return { version: c.version + 1, emails, pdfSha256 };
  });
}

/**
 * A sent convention whose parties' information changed: a new version (signatures on the old one
 * void, new links), or back to « à compléter » when something is now missing. Returns what it did.
 */
async function refreshConvention(enrolmentId: string, origins: Origins, now = clock.now()): Promise<'unchanged' | 'new-version' | 'incomplete'> {
  const state = await conventionState(enrolmentId, origins);
  if (!state || !state.changed) return 'unchanged';
  const c = state.convention;
  if (state.missing.length || state.missingForSigning.length) {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.convention.updateMany({ where: { id: c.id, status: c.status, version: c.version }, data: { status: 'DRAFT' } });
      if (count !== 1) return;
      await tx.signature.updateMany({ where: { conventionId: c.id, version: c.version, voidedAt: null }, data: { voidedAt: now } });
      await revokeSignatureLinks(tx, { conventionId: c.id, now });
      await auditConvention(tx, c, {
        actorId: null,
        action: 'convention.incomplete',
        establishmentId: state.source.establishmentId,
        data: { number: c.number, version: c.version, missing: [...state.missing, ...state.missingForSigning].map((m) => m.what) },
      });
    });
    return 'incomplete';
  }
  await freeze(c, state.source, { by: { actorId: null }, origins, now, reason: 'changed' });
  return 'new-version';
}

/** « Renvoyer les liens »: a new link to each party that has not signed yet (the previous ones stop working). */
export async function resendLinks(input: { enrolmentId: string; siteId?: string; by: Actor; origins: Origins; now?: Date }) {
  const now = input.now ?? clock.now();
  if ((await refreshConvention(input.enrolmentId, input.origins, now)) !== 'unchanged') return { emails: 0, refreshed: true };
  const state = await conventionState(input.enrolmentId, input.origins);
  if (!state || (input.siteId && state.convention.siteId !== input.siteId)) throw notFound('Convention');
  const c = state.convention;
  if (c.status !== 'READY' && c.status !== 'PARTIAL') throw conflict('Cette convention n’attend pas de signature.');
  const signed = new Set(marksOf(c).map((m) => m.party));
  const parties = requiredParties(state.content).filter((p) => !signed.has(p as SignatureParty));
  return prisma.$transaction(async (tx) => {
    const emails = await sendLinks(tx, c, state.source, { siteOrigin: input.origins.site, now, parties });
    await auditConvention(tx, c, {
      actorId: input.by.actorId,
      action: 'convention.resend',
      establishmentId: state.source.establishmentId,
      data: { number: c.number, version: c.version, parties, emails },
    });
    return { emails, refreshed: false };
  });
}

/** « Convention reçue »: a paper convention returned signed; the links stop, reminders stop. */
export async function markReceived(input: { enrolmentId: string; siteId: string; by: Actor; origins: Origins; now?: Date }) {
  const now = input.now ?? clock.now();
  const source = await loadConventionSource(prisma, input.enrolmentId);
  if (!source || source.stage.site.id !== input.siteId) throw notFound('Convention');
  if (source.status !== 'CONFIRMED') throw conflict('Cette inscription n’est pas confirmée : pas de convention à recevoir.');
  const c = await ensureConvention(source);
  if (c.status === 'SIGNED') throw conflict(c.receivedAt ? 'Cette convention est déjà marquée reçue.' : 'Cette convention est déjà signée en ligne.');
  const missing = missingForPrint(source, buildContent(source, c.number), input.origins);
  if (missing.length)
    throw invalid(`Cette convention n’a pas pu être imprimée complète : il manque ${missing.map((m) => m.what.charAt(0).toLowerCase() + m.what.slice(1)).join(' ; ')}.`);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.updateMany({
      where: { id: c.id, status: c.status },
      data: { status: 'SIGNED', receivedAt: now, receivedById: input.by.actorId },
    });
    if (count !== 1) throw conflict('Cette convention vient d’être modifiée : rechargez la page.');
    await revokeSignatureLinks(tx, { conventionId: c.id, now });
    await auditConvention(tx, c, {
      actorId: input.by.actorId,
      action: 'convention.received',
      establishmentId: source.establishmentId,
      data: { number: c.number, from: c.status },
    });
  });
}

// ───────────────────────────── signing ─────────────────────────────

export type SignatureView =
  | { state: 'valid'; content: ConventionContent; party: SignatureParty; role: string; as: string; number: string; marks: SignatureMark[]; platformName: string }
  | { state: 'refused'; title: string; message: string; done?: boolean };

/** What the signing page shows for a token (reading only: mail scanners follow links). */
export async function signatureView(raw: string, siteId: string, origins: Origins): Promise<SignatureView> {
  const check = await checkLink(prisma, { purpose: 'convention-signature', raw, siteId });
  if (check.state !== 'valid') {
    const e = linkRefusal('convention-signature', check);
    return { state: 'refused', title: titleOf(check.state), message: e.message, done: check.state === 'used' };
  }
  const c = await prisma.convention.findUnique({ where: { id: check.link.conventionId }, select: { ...conventionSelect, enrolmentId: true } });
  if (!c || c.version !== check.link.version)
    return { state: 'refused', title: titleOf('revoked'), message: linkRefusal('convention-signature', { state: 'revoked' }).message };
  if (c.status === 'CANCELLED')
    return { state: 'refused', title: 'Convention annulée', message: 'Cette convention est annulée avec l’inscription de l’élève : il n’y a plus rien à signer.' };
  const content = frozen(c)!;
  const site = await prisma.site.findUniqueOrThrow({ where: { id: siteId }, select: { name: true } });
  void origins;
  return {
    state: 'valid',
    content,
    party: check.link.party,
    role: PARTY_ROLE[check.link.party],
    as: PARTY_AS[check.link.party],
    number: c.number,
    marks: marksOf(c),
    platformName: site.name,
  };
}

const TITLES = {
  unknown: 'Lien de signature non valide',
  expired: 'Lien de signature expiré',
  used: 'Convention déjà signée',
  revoked: 'Lien de signature remplacé',
} as const;
const titleOf = (s: keyof typeof TITLES) => TITLES[s];

/** The exact PDF a link's signer signs (the version as sent), for the signing page's « Télécharger ». */
export async function signaturePdf(raw: string, siteId: string): Promise<{ pdf: Buffer; number: string } | null> {
  const check = await checkLink(prisma, { purpose: 'convention-signature', raw, siteId });
  if (check.state !== 'valid') return null;
  const c = await prisma.convention.findUnique({ where: { id: check.link.conventionId }, select: { number: true, version: true, pdf: true, status: true } });
  if (!c || c.version !== check.link.version || !c.pdf || c.status === 'CANCELLED') return null;
  return { pdf: Buffer.from(c.pdf), number: c.number };
}

export async function signConvention(input: {
  raw: string;
  siteId: string;
  signerName: string;
  ip: string;
  userAgent: string | null;
  origins: Origins;
  now?: Date;
}): Promise<{ status: 'PARTIAL' | 'SIGNED'; number: string }> {
  const now = input.now ?? clock.now();
  const peek = await checkLink(prisma, { purpose: 'convention-signature', raw: input.raw, siteId: input.siteId, now });
  if (peek.state !== 'valid') throw linkRefusal('convention-signature', peek);
  // A party's information changed since sending: a new version goes out, this link no longer signs.
  const enrolment = await prisma.convention.findUnique({ where: { id: peek.link.conventionId }, select: { enrolmentId: true } });
  if (!enrolment) throw linkRefusal('convention-signature', { state: 'unknown' });
  const refreshed = await refreshConvention(enrolment.enrolmentId, input.origins, now);
  // The link's addressee must still sign for its party (a principal who left, an administrator removed).
  const src = refreshed === 'unchanged' ? await loadConventionSource(prisma, enrolment.enrolmentId) : null;
  if (src && !recipientsOf(src).some((r) => r.party === peek.link.party && r.email === peek.link.recipient)) {
    await prisma.$transaction((tx) => revokeSignatureLinks(tx, { conventionId: peek.link.conventionId, party: peek.link.party, now }).then(() => undefined));
    throw new AppError(
      'FORBIDDEN',
      'Ce lien ne peut plus servir : son destinataire ne signe plus pour cette partie. L’établissement enverra un nouveau lien à la bonne personne.',
    );
  }
  if (refreshed !== 'unchanged')
    throw new AppError(
      'CONFLICT',
      refreshed === 'new-version'
        ? 'Les informations de la convention ont changé depuis son envoi : une nouvelle version vient de vous être envoyée par email. Signez-la depuis ce nouveau lien.'
        : 'Les informations de la convention ont changé et doivent être complétées par l’établissement : vous recevrez un nouveau lien ensuite.',
    );
  const result = await prisma.$transaction(async (tx) => {
    // The convention's row first, then the link (the order every other writer takes: no deadlock).
    const [c] = await tx.$queryRaw<{ id: string; status: string; version: number; number: string; pdfSha256: string | null; snapshot: unknown; siteId: string }[]>`
      SELECT "id", "status"::text AS "status", "version", "number", "pdfSha256", "snapshot", "siteId" FROM "Convention" WHERE "id" = ${peek.link.conventionId} FOR UPDATE`;
    const used = await consumeLink(tx, { purpose: 'convention-signature', raw: input.raw, siteId: input.siteId, now });
    if (used.state !== 'valid') throw linkRefusal('convention-signature', used);
    const link = used.link;
    if (!c || c.version !== link.version || !c.pdfSha256) throw linkRefusal('convention-signature', { state: 'revoked' });
    if (c.status !== 'READY' && c.status !== 'PARTIAL') throw conflict('Cette convention n’attend plus de signature (signée, reçue sur papier ou annulée).');
    const already = await tx.signature.findUnique({
      where: { conventionId_version_party: { conventionId: c.id, version: c.version, party: link.party } },
      select: { id: true },
    });
    if (already) throw conflict('Cette partie a déjà signé la convention (une autre personne l’a fait avant vous).');
    await tx.signature.create({
      data: {
        conventionId: c.id,
        version: c.version,
        party: link.party,
        signerName: input.signerName,
        signerEmail: link.recipient,
        signedAt: now,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 400) ?? null,
        pdfSha256: c.pdfSha256,
      },
    });
    // The party is signed: the other people's links for it stop.
    await revokeSignatureLinks(tx, { conventionId: c.id, party: link.party, now });
    const content = c.snapshot as ConventionContent;
    const signed = await tx.signature.findMany({ where: { conventionId: c.id, version: c.version, voidedAt: null }, select: { party: true } });
    const done = requiredParties(content).every((p) => signed.some((s) => s.party === p));
    await tx.convention.update({ where: { id: c.id }, data: { status: done ? 'SIGNED' : 'PARTIAL', ...(done ? { signedAt: now } : {}) } });
    await auditConvention(tx, c, {
      actorId: null,
      action: 'convention.sign',
      establishmentId: src?.establishmentId ?? null,
      data: {
        number: c.number,
        version: c.version,
        party: link.party,
        linkId: link.id,
        // A guardian's name, address, client address and browser stay on the Signature row (erased with the
        // pupil's data), never in the trail, which is kept as it is. The other parties' address is the line's own.
        ...(String(link.party).startsWith('GUARDIAN') ? {} : { signerName: input.signerName, signerEmail: link.recipient }),
        pdfSha256: c.pdfSha256,
        at: now.toISOString(),
      },
      ...(String(link.party).startsWith('GUARDIAN') ? { ip: null } : {}),
    });
    return { id: c.id, status: done ? ('SIGNED' as const) : ('PARTIAL' as const), number: c.number };
  });
  if (result.status === 'SIGNED') {
    // Sealed now; if printing fails, the background tick (sealPending) tries again.
    await sealConvention(result.id, input.origins.site, now).catch((err) => console.error('[conventions] scellement', errorSummary(err)));
  }
  return { status: result.status, number: result.number };
}

/**
 * The final PDF: the frozen version with every signature and its date, sealed (PAdES) by the
 * platform's certificate, stored, and sent to every party. Idempotent: a sealed convention is left alone.
 */
async function sealConvention(conventionId: string, siteOrigin: string, now = clock.now()): Promise<boolean> {
  const c = await prisma.convention.findUnique({ where: { id: conventionId }, select: { ...conventionSelect, enrolment: { select: { id: true } } } });
  if (!c || c.status !== 'SIGNED' || c.receivedAt || c.sealedSha256 || !c.snapshot) return false;
  const content = frozen(c)!;
  const printed = await conventionPdf(content, { footer: footerOf(c, siteOrigin), signatures: marksOf(c) });
  const sealed = await sealPdf(printed, {
    reason: `Convention n° ${c.number}, version ${c.version}, signée par toutes les parties (PDF signé : SHA-256 ${c.pdfSha256})`,
    name: content.platform.name,
    location: content.host.name,
    signedAt: now,
  });
  const sealedSha256 = sha256(sealed);
  const src = await loadConventionSource(prisma, c.enrolmentId);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.updateMany({
      where: { id: c.id, sealedSha256: null, status: 'SIGNED' },
      data: { sealedPdf: new Uint8Array(sealed), sealedSha256 },
    });
    if (count !== 1) return false;
    // Every current party (not someone whose link outlived their role).
    const to = src ? [...new Set(recipientsOf(src).map((r) => r.email))] : [];
    for (const address of to)
      await enqueueEmail(tx, {
        template: 'notice',
        to: address,
        subject: `Convention signée : n° ${c.number}`,
        attachments: [{ filename: `convention-${c.number}.pdf`, contentType: 'application/pdf', content: sealed }],
        element: createElement(NoticeEmail, {
          platformName: content.platform.name,
          title: 'La convention est signée par toutes les parties',
          paragraphs: [
            'Bonjour,',
            `La convention n° ${c.number} est signée par toutes les parties. Vous la trouverez en pièce jointe, scellée électroniquement par la plateforme.`,
            `Pour vérifier un exemplaire : ${siteOrigin}/verification, code ${c.verifyCode}.`,
          ],
          reason: 'Vous recevez ce message parce que vous avez signé cette convention de stage.',
        }),
      });
    await auditConvention(tx, c, {
      actorId: null,
      action: 'convention.seal',
      establishmentId: src?.establishmentId ?? null,
      data: { number: c.number, version: c.version, sealedSha256, emails: to.length },
    });
    return true;
  });
}

/** Background: seals the signed conventions not sealed yet, and makes new versions where a party's information changed. */
export async function conventionsTick(siteOriginOf: (siteId: string) => Promise<Origins>, now = clock.now(), limit = 50): Promise<{ sealed: number; refreshed: number }> {
  let sealed = 0;
  let refreshed = 0;
  const unsealed = await prisma.convention.findMany({
    where: { status: 'SIGNED', sealedSha256: null, receivedAt: null },
    select: { id: true, siteId: true },
    take: limit,
  });
  for (const c of unsealed) {
    try {
      if (await sealConvention(c.id, (await siteOriginOf(c.siteId)).site, now)) sealed++;
    } catch (err) {
      console.error('[conventions] scellement', c.id, errorSummary(err));
    }
  }
  // Every convention out for signature, page by page (by id: none is starved by the ones before it).
  for (let after = ''; ;) {
    const page = await prisma.convention.findMany({
      where: { status: { in: ['READY', 'PARTIAL'] }, id: { gt: after } },
      select: { id: true, enrolmentId: true, siteId: true },
      orderBy: { id: 'asc' },
      take: limit * 4,
    });
    for (const c of page) {
      try {
        if ((await refreshConvention(c.enrolmentId, await siteOriginOf(c.siteId), now)) !== 'unchanged') refreshed++;
      } catch (err) {
        console.error('[conventions] version', c.enrolmentId, errorSummary(err));
      }
    }
    if (page.length < limit * 4) break;
    after = page[page.length - 1].id;
  }
  return { sealed, refreshed };
}

// ───────────────────────────── attestation ─────────────────────────────

/** The attestation de présence, once the pupil's attendance is « présent » (sealed like the convention). */
export async function attendanceCertificate(enrolmentId: string, origins: Origins, now = clock.now()): Promise<{ pdf: Buffer; number: string }> {
  const src = await loadConventionSource(prisma, enrolmentId);
  if (!src) throw notFound('Inscription');
  if (src.attendance !== 'PRESENT') throw conflict('L’attestation de présence est disponible une fois la présence de l’élève notée par le lycée.');
  const c = await ensureConvention(src);
  const content = buildContent(src, c.number);
  const lycee = src.stage.site.establishment;
  const pdf = await attestationPdf(
    {
      number: c.number,
      platformName: content.platform.name,
      host: { name: lycee.name, uai: lycee.uai, city: lycee.city?.trim() || lycee.name, head: content.host.head || 'Le chef d’établissement' },
      pupil: { name: content.pupil.name || 'L’élève', classLabel: content.pupil.classLabel || '—', home: src.establishment.name },
      stage: { formation: content.stage.formation, date: formatDate(dbDay(src.stage.date)), hours: formatHours(src.stage.startMinutes, src.stage.endMinutes, 'à') },
      issuedOn: formatDate(parisDay(now)),
    },
    { footer: footerOf(c, origins.site), logoUrl: content.platform.logoUrl },
  );
  return { pdf: await sealPdf(pdf, { reason: `Attestation de présence, convention n° ${c.number}`, name: content.platform.name, signedAt: now }), number: c.number };
}

// ───────────────────────────── verification ─────────────────────────────

export type Verification =
  | { found: false; message: string }
  | { found: true; genuine: boolean; number: string; status: string; message: string; signatures: { role: string; name: string; at: string }[] };

/**
 * The verification page: is this file (its SHA-256, computed in the browser) the signed convention
 * whose code is printed on it? Only the platform's own conventions; who signed when (adults' names).
 */
export async function verifyConvention(input: { siteId: string; code?: string; sha256?: string }): Promise<Verification> {
  const bySha = input.sha256 ? await prisma.convention.findFirst({ where: { siteId: input.siteId, sealedSha256: input.sha256 }, select: conventionSelect }) : null;
  const byCode = !bySha && input.code ? await prisma.convention.findFirst({ where: { siteId: input.siteId, verifyCode: input.code }, select: conventionSelect }) : null;
  const c = bySha ?? byCode;
  if (!c) return { found: false, message: 'Aucune convention de cette plateforme ne correspond : vérifiez le code imprimé en bas de chaque page, ou le fichier choisi.' };
  const signatures = c.signatures
    .filter((s) => s.version === c.version && !s.voidedAt)
    .map((s) => ({ role: PARTY_ROLE[s.party], name: s.signerName, at: formatDateTime(s.signedAt) }));
  const status = stateLabel(c, 0);
  if (bySha && c.status === 'CANCELLED')
    return {
      found: true,
      genuine: false,
      number: c.number,
      status,
      signatures,
      message: `Ce fichier est bien l’exemplaire signé de la convention n° ${c.number}, mais cette convention a été annulée depuis (l’inscription de l’élève est annulée) : elle ne vaut plus.`,
    };
  if (bySha)
    return {
      found: true,
      genuine: true,
      number: c.number,
      status,
      signatures,
      message: `Ce fichier est bien la convention n° ${c.number}, signée par toutes les parties et scellée par la plateforme : il n’a pas été modifié.`,
    };
  return {
    found: true,
    genuine: false,
    number: c.number,
    status,
    signatures,
    message: input.sha256
      ? `Ce fichier n’est pas l’exemplaire signé de la convention n° ${c.number} : il a été modifié, ou c’est une autre version. Demandez l’exemplaire scellé envoyé par email.`
      : `Convention n° ${c.number} : ${status.toLowerCase()}. Choisissez le fichier PDF pour vérifier qu’il est l’exemplaire signé.`,
  };
}
