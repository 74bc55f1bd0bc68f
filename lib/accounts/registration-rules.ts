// Which address an establishment registers with, and where its registration stands.
// Rule (README « Inscription des établissements ») :
//  1. the directory holds an academic address (any ac-… domain, whatever UAI it names) → the login
//     is the secretariat address derived from the UAI: ce.<uai>@<académie>;
//  2. the directory holds another address (…@cneap.fr, …@wanadoo.fr, …@educagri.fr) → that address;
//  3. no address: a public establishment → ce.<uai>@<académie>; a private one → the registration
//     waits for the platform operator (RegistrationReview).
import type { Tx } from '../core/db.ts';
import { academyByCode, academyOfUai, isAcademicAddress, officialAddress } from '../reference/academies.ts';

export type RegistrableEstablishment = {
  uai: string;
  isPublic: boolean;
  directoryEmail: string | null;
  academyCode: string | null;
};

export type RegistrationTarget =
  | { kind: 'address'; login: string; official: boolean }
  | { kind: 'review' };

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
