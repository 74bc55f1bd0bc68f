// Emailed links (activation, password reset, staff and platform invitations, convention signatures):
// issue, check, consume. The raw token goes in the email only; the database keeps its
// SHA-256. One state type for every purpose; one text table per purpose.
//
// A small generic core over one adapter per purpose: which table, which columns. Account links live
// in AuthToken, invitations in Invitation, convention signatures in the generic EmailLink table
// (step 1 of docs/proposals/links-migration.sql); moving the others there only changes adapters.
//
// Isomorphic on purpose: Web Crypto (no node:crypto) and no value import of the database client
// (the caller passes `prisma` or its transaction), so client components may import the text tables.
import type { Tx } from './db.ts';
import { AppError, type ErrorCode } from './errors.ts';
import type { SignatureParty, SiteRole, StaffRole, TokenKind } from '../generated/prisma/client.ts';
import * as clock from './clock.ts';

export type LinkPurpose = 'activation' | 'password-reset' | 'staff-invitation' | 'platform-invitation' | 'convention-signature';

/** Purposes whose links can be issued (every one now: the name stays for the callers). */
export type StoredPurpose = LinkPurpose;

export type LinkFailure = 'expired' | 'used' | 'revoked' | 'unknown';

/** What a link points at, per purpose. */
type AccountLink = { id: string; userId: string; expiresAt: Date };
type StaffInvitationLink = { id: string; email: string; establishmentId: string; staffRole: StaffRole; invitedById: string | null; expiresAt: Date };
type PlatformInvitationLink = { id: string; email: string; siteId: string; siteRole: SiteRole; invitedById: string | null; expiresAt: Date };
type SignatureLink = { id: string; conventionId: string; party: SignatureParty; version: number; recipient: string; siteId: string; expiresAt: Date };

export type LinkRecords = {
  activation: AccountLink;
  'password-reset': AccountLink;
  'staff-invitation': StaffInvitationLink;
  'platform-invitation': PlatformInvitationLink;
  'convention-signature': SignatureLink;
};

/**
 * The one state type. `link` is there in every state but `unknown`, so that a page can still say
 * whose link expired (the activation page offers to resend it to that login). `otherPurpose`: the
 * token exists but belongs to another purpose (the staff page says « open it on the platform »).
 */
export type LinkCheck<P extends StoredPurpose = StoredPurpose> =
  | { state: 'valid'; link: LinkRecords[P] }
  | { state: 'expired'; link: LinkRecords[P] }
  | { state: 'used'; link: LinkRecords[P] }
  | { state: 'revoked'; link: LinkRecords[P] }
  | { state: 'unknown'; otherPurpose?: LinkPurpose };

/** A link that cannot be used: every state but `valid`. */
type LinkRefused<P extends StoredPurpose = StoredPurpose> = Exclude<LinkCheck<P>, { state: 'valid' }>;

/** What a page shows for a link: the check, with what the service adds when it is valid (`V`: the establishment, the account…). */
export type LinkView<P extends StoredPurpose, V> = LinkRefused<P> | ({ state: 'valid'; link: LinkRecords[P] } & V);

/** What to look up: a platform invitation or a signature link is only ever read on its own platform. */
type SitePurpose = 'platform-invitation' | 'convention-signature';
export type LinkQuery = { purpose: Exclude<StoredPurpose, SitePurpose>; raw: string; now?: Date } | { purpose: SitePurpose; raw: string; siteId: string; now?: Date };

type Subjects = {
  activation: { userId: string };
  'password-reset': { userId: string };
  'staff-invitation': { email: string; establishmentId: string; staffRole: StaffRole; invitedById: string | null };
  'platform-invitation': { email: string; siteId: string; siteRole: SiteRole; invitedById: string | null };
  'convention-signature': { conventionId: string; party: SignatureParty; version: number; recipient: string; siteId: string };
};

export type IssueInput = { [P in StoredPurpose]: { purpose: P; ttlMinutes: number; now?: Date } & Subjects[P] }[StoredPurpose];

export type IssuedLink = { raw: string; id: string; expiresAt: Date };

// ───────────────────────────── tokens ─────────────────────────────

/** Longer than any token we issue (43 characters): a longer value is refused without a query. */
export const MAX_TOKEN_LENGTH = 200;

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes, base64url (43 characters): what goes in the emailed link. */
export function newLinkToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 of the raw token, hex: what the database keeps. */
export async function hashLinkToken(raw: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(raw));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ───────────────────────────── adapters ─────────────────────────────

/** A stored link as the core sees it, whatever its table. */
type StoredLink<R> = {
  id: string;
  purpose: LinkPurpose | null;
  siteId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  record: R;
};

type Adapter<R> = {
  find(db: Tx, tokenHash: string): Promise<StoredLink<R> | null>;
  create(tx: Tx, subject: Record<string, unknown>, tokenHash: string, expiresAt: Date, now: Date): Promise<string>;
  /** Marks it used only while it is open and unexpired (the conditional update: one winner). */
  claim(tx: Tx, id: string, now: Date): Promise<boolean>;
  /** A new token (and expiry) on the same row: the previous link stops working. */
  rekey(tx: Tx, id: string, tokenHash: string, expiresAt: Date): Promise<boolean>;
  /** Stops an open link (AuthToken has no revokedAt: the link then reads as used, as when superseded). */
  revoke(tx: Tx, id: string, now: Date): Promise<boolean>;
};

const KIND_PURPOSE: Record<TokenKind, LinkPurpose> = { ACTIVATION: 'activation', PASSWORD_RESET: 'password-reset' };

/** AuthToken rows: one kind per purpose; issuing one supersedes the person's older open ones of that kind. */
function authTokens(kind: TokenKind): Adapter<AccountLink> {
  return {
    async find(db, tokenHash) {
      const row = await db.authToken.findUnique({ where: { tokenHash } });
      if (!row) return null;
      return {
        id: row.id,
        purpose: KIND_PURPOSE[row.kind],
        siteId: null,
        expiresAt: row.expiresAt,
        usedAt: row.usedAt,
        revokedAt: null,
        record: { id: row.id, userId: row.userId, expiresAt: row.expiresAt },
      };
    },
    async create(tx, subject, tokenHash, expiresAt, now) {
      const userId = subject.userId as string;
      await tx.authToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: now } });
      const row = await tx.authToken.create({ data: { userId, kind, tokenHash, expiresAt }, select: { id: true } });
      return row.id;
    },
    async claim(tx, id, now) {
      const { count } = await tx.authToken.updateMany({ where: { id, kind, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      return count === 1;
    },
    async rekey(tx, id, tokenHash, expiresAt) {
      const { count } = await tx.authToken.updateMany({ where: { id, kind, usedAt: null }, data: { tokenHash, expiresAt } });
      return count === 1;
    },
    async revoke(tx, id, now) {
      const { count } = await tx.authToken.updateMany({ where: { id, kind, usedAt: null }, data: { usedAt: now } });
      return count === 1;
    },
  };
}

type InvitationRow = {
  id: string;
  email: string;
  establishmentId: string | null;
  siteId: string | null;
  staffRole: StaffRole | null;
  siteRole: SiteRole | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  invitedById: string | null;
};

/** An Invitation row is a staff invitation (establishment + staff role) or a platform one (site + site role). */
function invitationPurpose(row: InvitationRow): LinkPurpose | null {
  if (row.siteId) return row.siteRole ? 'platform-invitation' : null;
  return row.establishmentId && row.staffRole ? 'staff-invitation' : null;
}

const OPEN = { acceptedAt: null, revokedAt: null };

function invitations<P extends 'staff-invitation' | 'platform-invitation'>(purpose: P): Adapter<LinkRecords[P]> {
  const ofPurpose = purpose === 'staff-invitation' ? { establishmentId: { not: null }, staffRole: { not: null } } : { siteId: { not: null }, siteRole: { not: null } };
  return {
    async find(db, tokenHash) {
      const row = (await db.invitation.findUnique({ where: { tokenHash } })) as InvitationRow | null;
      if (!row) return null;
      const base = { id: row.id, email: row.email, invitedById: row.invitedById, expiresAt: row.expiresAt };
      const record = (
        purpose === 'staff-invitation'
          ? { ...base, establishmentId: row.establishmentId!, staffRole: row.staffRole! }
          : { ...base, siteId: row.siteId!, siteRole: row.siteRole! }
      ) as LinkRecords[P];
      return { id: row.id, purpose: invitationPurpose(row), siteId: row.siteId, expiresAt: row.expiresAt, usedAt: row.acceptedAt, revokedAt: row.revokedAt, record };
    },
    async create(tx, subject, tokenHash, expiresAt, now) {
      const s = subject as Subjects[P];
      if (purpose === 'platform-invitation') {
        // A new invitation to the same address on the same platform replaces the pending ones.
        const p = s as Subjects['platform-invitation'];
        await tx.invitation.updateMany({ where: { siteId: p.siteId, email: p.email, ...OPEN }, data: { revokedAt: now } });
        const row = await tx.invitation.create({
          data: { email: p.email, siteId: p.siteId, siteRole: p.siteRole, tokenHash, expiresAt, invitedById: p.invitedById },
          select: { id: true },
        });
        return row.id;
      }
      const t = s as Subjects['staff-invitation'];
      const row = await tx.invitation.create({
        data: { email: t.email, establishmentId: t.establishmentId, staffRole: t.staffRole, tokenHash, expiresAt, invitedById: t.invitedById },
        select: { id: true },
      });
      return row.id;
    },
    async claim(tx, id, now) {
      const { count } = await tx.invitation.updateMany({ where: { id, ...ofPurpose, ...OPEN, expiresAt: { gt: now } }, data: { acceptedAt: now } });
      return count === 1;
    },
    async rekey(tx, id, tokenHash, expiresAt) {
      const { count } = await tx.invitation.updateMany({ where: { id, ...ofPurpose, ...OPEN }, data: { tokenHash, expiresAt } });
      return count === 1;
    },
    async revoke(tx, id, now) {
      const { count } = await tx.invitation.updateMany({ where: { id, ...ofPurpose, ...OPEN }, data: { revokedAt: now } });
      return count === 1;
    },
  };
}

const OPEN_LINK = { usedAt: null, revokedAt: null };

/** EmailLink rows of purpose CONVENTION_SIGNATURE: a new link to the same person for the same signature revokes the open one. */
const signatureLinks: Adapter<SignatureLink> = {
  async find(db, tokenHash) {
    const row = await db.emailLink.findUnique({ where: { tokenHash } });
    if (!row) return null;
    const complete = row.purpose === 'CONVENTION_SIGNATURE' && row.conventionId && row.party && row.version !== null && row.recipient && row.siteId;
    return {
      id: row.id,
      purpose: complete ? 'convention-signature' : null,
      siteId: row.siteId,
      expiresAt: row.expiresAt,
      usedAt: row.usedAt,
      revokedAt: row.revokedAt,
      record: {
        id: row.id,
        conventionId: row.conventionId ?? '',
        party: row.party ?? 'HOST',
        version: row.version ?? 0,
        recipient: row.recipient ?? '',
        siteId: row.siteId ?? '',
        expiresAt: row.expiresAt,
      },
    };
  },
  async create(tx, subject, tokenHash, expiresAt, now) {
    const s = subject as Subjects['convention-signature'];
    await tx.emailLink.updateMany({
      where: { purpose: 'CONVENTION_SIGNATURE', conventionId: s.conventionId, party: s.party, recipient: s.recipient, ...OPEN_LINK },
      data: { revokedAt: now },
    });
    const row = await tx.emailLink.create({
      data: {
        purpose: 'CONVENTION_SIGNATURE',
        tokenHash,
        expiresAt,
        conventionId: s.conventionId,
        party: s.party,
        version: s.version,
        recipient: s.recipient,
        siteId: s.siteId,
      },
      select: { id: true },
    });
    return row.id;
  },
  async claim(tx, id, now) {
    const { count } = await tx.emailLink.updateMany({ where: { id, purpose: 'CONVENTION_SIGNATURE', ...OPEN_LINK, expiresAt: { gt: now } }, data: { usedAt: now } });
    return count === 1;
  },
  async rekey(tx, id, tokenHash, expiresAt) {
    const { count } = await tx.emailLink.updateMany({ where: { id, purpose: 'CONVENTION_SIGNATURE', ...OPEN_LINK }, data: { tokenHash, expiresAt } });
    return count === 1;
  },
  async revoke(tx, id, now) {
    const { count } = await tx.emailLink.updateMany({ where: { id, purpose: 'CONVENTION_SIGNATURE', ...OPEN_LINK }, data: { revokedAt: now } });
    return count === 1;
  },
};

/** Stops every open signature link of a convention (a new version, a cancellation), or of one party (its signature is made). */
export async function revokeSignatureLinks(tx: Tx, input: { conventionId: string; party?: SignatureParty; now?: Date }): Promise<number> {
  const { count } = await tx.emailLink.updateMany({
    where: { purpose: 'CONVENTION_SIGNATURE', conventionId: input.conventionId, ...(input.party ? { party: input.party } : {}), ...OPEN_LINK },
    data: { revokedAt: input.now ?? clock.now() },
  });
  return count;
}

const ADAPTERS: { [P in StoredPurpose]: Adapter<LinkRecords[P]> } = {
  activation: authTokens('ACTIVATION'),
  'password-reset': authTokens('PASSWORD_RESET'),
  'staff-invitation': invitations('staff-invitation'),
  'platform-invitation': invitations('platform-invitation'),
  'convention-signature': signatureLinks,
};

function adapterOf<P extends StoredPurpose>(purpose: P): Adapter<LinkRecords[P]> {
  const adapter = ADAPTERS[purpose] as Adapter<LinkRecords[P]> | undefined;
  if (!adapter) throw new Error(`Liens « ${purpose} » : aucune table ne les garde encore (voir docs/proposals/links-migration.sql).`);
  return adapter;
}

// ───────────────────────────── issue / check / consume ─────────────────────────────

/**
 * Creates the link in the caller's transaction and returns the raw token (for the email only).
 * Account links supersede the person's older open ones of the same purpose (they then read as used);
 * a platform invitation revokes the pending ones to the same address on that platform; a staff
 * invitation replaces nothing (the team service refuses a second pending one).
 */
export async function issueLink(tx: Tx, input: IssueInput): Promise<IssuedLink> {
  const now = input.now ?? clock.now();
  const { purpose, ttlMinutes, now: _ignored, ...subject } = input;
  const raw = newLinkToken();
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  const id = await adapterOf(purpose).create(tx, subject, await hashLinkToken(raw), expiresAt, now);
  return { raw, id, expiresAt };
}

/** A new token on the same link (« Renvoyer »): the previous one stops working; null when the link is no longer open. */
export async function reissueLink(tx: Tx, input: { purpose: StoredPurpose; id: string; ttlMinutes: number; now?: Date }): Promise<IssuedLink | null> {
  const now = input.now ?? clock.now();
  const raw = newLinkToken();
  const expiresAt = new Date(now.getTime() + input.ttlMinutes * 60_000);
  const done = await adapterOf(input.purpose).rekey(tx, input.id, await hashLinkToken(raw), expiresAt);
  return done ? { raw, id: input.id, expiresAt } : null;
}

/** Stops an open link; false when it was already used, revoked or of another purpose. */
export async function revokeLink(tx: Tx, input: { purpose: StoredPurpose; id: string; now?: Date }): Promise<boolean> {
  return adapterOf(input.purpose).revoke(tx, input.id, input.now ?? clock.now());
}

/** Account link purposes (AuthToken rows). */
export type AccountPurpose = 'activation' | 'password-reset';

const PURPOSE_KIND: Record<AccountPurpose, TokenKind> = { activation: 'ACTIVATION', 'password-reset': 'PASSWORD_RESET' };

/**
 * Stops every open link of a person for these purposes, without a new one: the invitation that
 * completes an account makes its activation links pointless; an account taken back loses them all.
 * They then read as used (AuthToken has no revokedAt), as when superseded. Returns how many.
 */
export async function revokeAccountLinks(tx: Tx, input: { userId: string; purposes: AccountPurpose[]; now?: Date }): Promise<number> {
  const kinds = input.purposes.map((purpose) => PURPOSE_KIND[purpose]);
  const { count } = await tx.authToken.updateMany({ where: { userId: input.userId, kind: { in: kinds }, usedAt: null }, data: { usedAt: input.now ?? clock.now() } });
  return count;
}

function stateOf<R>(row: StoredLink<R> | null, query: LinkQuery, now: Date) {
  if (!row) return { state: 'unknown' as const };
  if (row.purpose !== query.purpose) return row.purpose ? { state: 'unknown' as const, otherPurpose: row.purpose } : { state: 'unknown' as const };
  if ((query.purpose === 'platform-invitation' || query.purpose === 'convention-signature') && row.siteId !== query.siteId) return { state: 'unknown' as const };
  if (row.usedAt) return { state: 'used' as const, link: row.record };
  if (row.revokedAt) return { state: 'revoked' as const, link: row.record };
  if (row.expiresAt <= now) return { state: 'expired' as const, link: row.record };
  return { state: 'valid' as const, link: row.record };
}

/** What a link is worth now, without using it (pages only read: mail scanners follow links with GET). */
export async function checkLink<Q extends LinkQuery>(db: Tx, query: Q): Promise<LinkCheck<Q['purpose']>> {
  if ((query.purpose === 'platform-invitation' || query.purpose === 'convention-signature') && !query.siteId)
    throw new Error(`checkLink: a ${query.purpose} link is read on its platform (siteId).`);
  if (!query.raw || query.raw.length > MAX_TOKEN_LENGTH) return { state: 'unknown' };
  const row = await adapterOf(query.purpose).find(db, await hashLinkToken(query.raw));
  return stateOf(row, query, query.now ?? clock.now()) as LinkCheck<Q['purpose']>;
}

/**
 * Uses the link, once, inside the caller's transaction: a conditional update, so that of two
 * concurrent consumptions exactly one gets `valid`; the other gets the state it finds (`used`).
 */
export async function consumeLink<Q extends LinkQuery>(tx: Tx, query: Q): Promise<LinkCheck<Q['purpose']>> {
  const now = query.now ?? clock.now();
  const checked = await checkLink(tx, { ...query, now });
  if (checked.state !== 'valid') return checked;
  if (await adapterOf(query.purpose).claim(tx, checked.link.id, now)) return checked;
  const after = await checkLink(tx, { ...query, now });
  return after.state === 'valid' ? { state: 'used', link: after.link } : after;
}

// ───────────────────────────── texts ─────────────────────────────

export type LinkTexts = {
  /** Where the link opens: `${origin}${path}/${raw}`. */
  path: string;
  /** What the page says for each state other than valid. */
  messages: Record<LinkFailure, string>;
  /** Headings the pages show for some states. */
  titles?: Partial<Record<LinkFailure, string>>;
  /** What the page says when the token belongs to another purpose (else `messages.unknown`), and the error code then. */
  otherPurpose?: Partial<Record<LinkPurpose, string>>;
  otherPurposeCode?: ErrorCode;
  /** The error a service throws when an action meets that state (`linkRefusal`). */
  codes: Record<LinkFailure, ErrorCode>;
};

/** The pages' texts, one table per purpose (the wording the account, team and platform pages always had). */
export const LINK_TEXTS: Record<LinkPurpose, LinkTexts> = {
  activation: {
    path: '/activation',
    messages: {
      expired: 'Ce lien d’activation a expiré. Demandez un nouvel email d’activation : il contiendra un nouveau lien.',
      used: 'Ce lien d’activation a déjà été utilisé. Si votre compte est activé, connectez-vous.',
      // AuthToken has no revokedAt: a superseded activation link reads as used.
      revoked: 'Ce lien d’activation a déjà été utilisé. Si votre compte est activé, connectez-vous.',
      unknown: 'Ce lien d’activation n’est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez un nouvel email d’activation.',
    },
    titles: {
      expired: 'Ce lien d’activation a expiré',
      used: 'Lien d’activation déjà utilisé',
      revoked: 'Lien d’activation déjà utilisé',
      unknown: 'Lien d’activation non valide',
    },
    codes: { expired: 'EXPIRED', used: 'VALIDATION', revoked: 'VALIDATION', unknown: 'VALIDATION' },
  },
  'password-reset': {
    path: '/reinitialisation',
    messages: {
      expired: 'Ce lien de réinitialisation a expiré (il est valable 1 heure). Demandez-en un nouveau.',
      used: 'Ce lien de réinitialisation a déjà été utilisé. Si besoin, demandez-en un nouveau.',
      revoked: 'Ce lien de réinitialisation a déjà été utilisé. Si besoin, demandez-en un nouveau.',
      unknown: "Ce lien de réinitialisation n'est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez-en un nouveau.",
    },
    titles: {
      expired: 'Lien de réinitialisation expiré',
      used: 'Lien de réinitialisation déjà utilisé',
      revoked: 'Lien de réinitialisation déjà utilisé',
      unknown: 'Lien de réinitialisation non valide',
    },
    codes: { expired: 'EXPIRED', used: 'VALIDATION', revoked: 'VALIDATION', unknown: 'VALIDATION' },
  },
  'staff-invitation': {
    path: '/invitation',
    messages: {
      unknown: "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez une nouvelle invitation à votre chef d'établissement.",
      used: 'Cette invitation a déjà été utilisée : votre compte existe. Connectez-vous avec votre adresse email.',
      revoked: "Cette invitation a été annulée par l'établissement. Si c'est une erreur, demandez une nouvelle invitation à votre chef d'établissement.",
      expired: "Cette invitation a expiré. Demandez à votre chef d'établissement de vous la renvoyer (« Renvoyer » sur la page Équipe).",
    },
    titles: {
      unknown: 'Ce lien ne peut plus être utilisé',
      used: 'Ce lien ne peut plus être utilisé',
      revoked: 'Ce lien ne peut plus être utilisé',
      expired: 'Ce lien ne peut plus être utilisé',
    },
    otherPurpose: {
      'platform-invitation': "Cette invitation concerne la plateforme d'un lycée : ouvrez-la depuis l'adresse de cette plateforme.",
    },
    otherPurposeCode: 'CONFLICT',
    codes: { unknown: 'NOT_FOUND', expired: 'EXPIRED', used: 'CONFLICT', revoked: 'CONFLICT' },
  },
  'platform-invitation': {
    path: '/invitation-plateforme',
    messages: {
      unknown: 'Ce lien d’invitation n’est pas valable sur cette plateforme. Vérifiez que vous avez copié le lien en entier.',
      expired: 'Ce lien d’invitation a expiré. Demandez à l’administrateur de la plateforme de vous inviter à nouveau.',
      used: 'Cette invitation a déjà été acceptée. Connectez-vous avec votre compte.',
      revoked: 'Cette invitation a été remplacée par une plus récente : utilisez le dernier lien reçu.',
    },
    codes: { unknown: 'NOT_FOUND', expired: 'EXPIRED', used: 'NOT_FOUND', revoked: 'NOT_FOUND' },
  },
  // The parties' signature links of a convention (the guardians have no account).
  'convention-signature': {
    path: '/signature',
    messages: {
      unknown: 'Ce lien de signature n’est pas valide. Vérifiez que vous avez copié le lien complet, ou demandez un nouveau lien à l’établissement de l’élève.',
      expired: 'Ce lien de signature a expiré. Demandez un nouveau lien à l’établissement de l’élève.',
      used: 'Cette convention a déjà été signée avec ce lien. Vous pouvez fermer cette page.',
      revoked: 'Ce lien de signature ne peut plus servir : la convention a été signée pour cette partie, modifiée (un nouveau lien a été envoyé) ou annulée.',
    },
    titles: {
      unknown: 'Lien de signature non valide',
      expired: 'Lien de signature expiré',
      used: 'Convention déjà signée',
      revoked: 'Lien de signature remplacé',
    },
    codes: { unknown: 'NOT_FOUND', expired: 'EXPIRED', used: 'CONFLICT', revoked: 'CONFLICT' },
  },
};

/** The path of a link, to put after the origin: `/activation/<raw>`. */
export function linkPath(purpose: LinkPurpose, raw: string): string {
  return `${LINK_TEXTS[purpose].path}/${raw}`;
}

/** The sentence a page shows for a link that cannot be used. */
export function linkMessage(purpose: LinkPurpose, check: { state: LinkFailure; otherPurpose?: LinkPurpose }): string {
  const texts = LINK_TEXTS[purpose];
  if (check.state === 'unknown' && check.otherPurpose) return texts.otherPurpose?.[check.otherPurpose] ?? texts.messages.unknown;
  return texts.messages[check.state];
}

/** The AppError a service throws when an action meets a link that cannot be used. */
export function linkRefusal(purpose: LinkPurpose, check: { state: LinkFailure; otherPurpose?: LinkPurpose }): AppError {
  const texts = LINK_TEXTS[purpose];
  const elsewhere = check.state === 'unknown' && check.otherPurpose && texts.otherPurpose?.[check.otherPurpose];
  return new AppError(elsewhere ? (texts.otherPurposeCode ?? texts.codes.unknown) : texts.codes[check.state], linkMessage(purpose, check));
}
