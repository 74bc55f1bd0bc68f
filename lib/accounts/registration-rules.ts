// Which address an establishment registers with, and where its registration stands.
// Rule (README « How establishments register (the login rule) », docs/REGLES.md) :
//  1. the directory holds an academic address (any ac-… domain, whatever UAI it names) → the login
//     is the secretariat address derived from the UAI: ce.<uai>@<académie>;
//  2. the directory holds another address (…@cneap.fr, …@wanadoo.fr, …@educagri.fr) → that address;
//  3. no address: a public establishment → ce.<uai>@<académie>; a private one → the registration
//     waits for the platform operator (RegistrationReview).
import type { Tx } from '../core/db.ts';
import type { Establishment } from '../generated/prisma/client.ts';
import { academyByCode, academyOfUai, isAcademicAddress, officialAddress } from '../reference/academies.ts';
import { isValidUai } from '../reference/uai.ts';

export type RegistrableEstablishment = {
  uai: string;
  isPublic: boolean;
  directoryEmail: string | null;
  academyCode: string | null;
};

export type RegistrationTarget = { kind: 'address'; login: string; official: boolean } | { kind: 'review' };

/** Only collèges and lycées register (an EREA or anything else: not by this path). */
export const REGISTRABLE_KINDS = ['COLLEGE', 'LYCEE'] as const;

export function registrationTarget(e: RegistrableEstablishment): RegistrationTarget {
  const directory = e.directoryEmail?.trim().toLowerCase() || null;
  const academy = (e.academyCode ? academyByCode(e.academyCode) : null) ?? academyOfUai(e.uai);
  if (directory && isAcademicAddress(directory)) {
    const domain = academy?.emailDomain ?? directory.slice(directory.lastIndexOf('@') + 1);
    return { kind: 'address', login: officialAddress(e.uai, { emailDomain: domain }), official: true };
  }
  if (directory) return { kind: 'address', login: directory, official: false };
  if (e.isPublic && academy) return { kind: 'address', login: officialAddress(e.uai, academy), official: true };
  return { kind: 'review' };
}

/** Registered: its registration was activated (registeredAt) or a manager account is active. */
export async function isRegistered(tx: Tx, establishment: { id: string; registeredAt: Date | null }): Promise<boolean> {
  if (establishment.registeredAt) return true;
  const active = await tx.membership.count({ where: { establishmentId: establishment.id, role: 'PRINCIPAL', status: 'ACTIVE' } });
  return active > 0;
}

// ── An establishment's registration address belongs to that establishment only ──
// Nobody may take it by another path (staff or pupil sign-up, another establishment's reviewed
// registration): one anonymous sign-up per collège would otherwise lock a whole académie out
// (« L'adresse de cet établissement sert déjà d'identifiant à un autre compte »).

/** Shown next to the email field of a form that refuses such an address. */
export const ESTABLISHMENT_ADDRESS_MESSAGES = {
  staff:
    "Cette adresse est celle d'un établissement (elle sert à inscrire l'établissement) : elle ne peut pas être l'identifiant d'un compte personnel. Utilisez votre adresse académique nominative (par exemple prenom.nom@ac-rennes.fr).",
  pupil:
    "Cette adresse est celle d'un établissement scolaire : elle ne peut pas servir à un compte d'élève. Saisissez votre propre adresse email, ou choisissez plutôt un identifiant.",
  review: "Cette adresse est celle d'un autre établissement (elle sert à l'inscrire) : saisissez votre propre adresse email.",
} as const;

const DERIVED = /^ce\.(\d{7}[a-z])@[a-z0-9.-]+$/;

export type AddressOwner = {
  uai: string;
  /** The establishment when the annuaire holds it (a derived ce.<uai> address may name one it does not). */
  establishment: Establishment | null;
};

/**
 * THE rule: is `address` an establishment's registration address? Either the secretariat address
 * ce.<uai>@<académie domain> of any valid UAI on any académie's domain (ac-caen.fr and ac-rouen.fr
 * included), or the directory address of an establishment whose login is that address
 * (registrationTarget). Case and surrounding spaces are ignored. Null: an ordinary address.
 */
export async function registrationAddressOwner(db: Tx, address: string): Promise<AddressOwner | null> {
  const a = address.trim().toLowerCase();
  const derived = DERIVED.exec(a);
  if (derived && isAcademicAddress(a) && isValidUai(derived[1])) {
    const uai = derived[1].toUpperCase();
    return { uai, establishment: await db.establishment.findUnique({ where: { uai } }) };
  }
  if (!a.includes('@')) return null;
  // Insensitive match in the database, then the exact rule (the directory keeps mixed case).
  const candidates = await db.establishment.findMany({
    where: { directoryEmail: { equals: a, mode: 'insensitive' } },
    orderBy: { uai: 'asc' },
    take: 20,
  });
  const owner = candidates.find((e) => {
    const target = registrationTarget(e);
    return target.kind === 'address' && target.login === a;
  });
  return owner ? { uai: owner.uai, establishment: owner } : null;
}

/**
 * Who already uses an establishment's registration address as login or email, and what the
 * establishment may do about it:
 *  - NONE: nobody;
 *  - SQUATTER: an account that never proved the mailbox (never activated, or disabled) and manages
 *    nothing: the establishment's registration takes the address over (lib/accounts/registration.ts);
 *  - MAILBOX_OWNER: an account that proved the mailbox (activated, or created from an invitation)
 *    but manages nothing: only the mailbox may decide, so a reset link sent there makes it the
 *    establishment's manager (lib/accounts/activation.ts, claimEstablishmentByMailbox);
 *  - TAKEN: an operator, an active manager, or the pending registration of an establishment that
 *    shares this address: never taken over.
 */
export type AddressHolder = { kind: 'NONE' } | { kind: 'SQUATTER' | 'MAILBOX_OWNER' | 'TAKEN'; userId: string };

export async function addressHolder(db: Tx, address: string): Promise<AddressHolder> {
  const a = address.trim().toLowerCase();
  const user = await db.user.findFirst({
    where: { OR: [{ login: a }, { email: a }] },
    select: {
      id: true,
      status: true,
      emailVerified: true,
      isOperator: true,
      memberships: { where: { role: 'PRINCIPAL', status: { in: ['ACTIVE', 'PENDING'] } }, select: { status: true, establishment: true } },
    },
  });
  if (!user) return { kind: 'NONE' };
  const taken =
    user.isOperator ||
    user.memberships.some((m) => {
      if (m.status === 'ACTIVE') return true;
      const target = registrationTarget(m.establishment);
      return target.kind === 'address' && target.login === a;
    });
  if (taken) return { kind: 'TAKEN', userId: user.id };
  const proven = user.status !== 'DISABLED' && (user.status === 'ACTIVE' || !!user.emailVerified);
  return { kind: proven ? 'MAILBOX_OWNER' : 'SQUATTER', userId: user.id };
}
