// What the convention pages read: the access decision (access.ts) and the convention's state.
import type { Actor } from '../core/actor.ts';
import { conventionAccess, type ConventionAccess } from './access.ts';
import { conventionState, marksOf, requiredParties, type ConventionState } from './service.ts';
import { PARTY_ROLE, type Origins } from './content.ts';
import { requestOrigins } from './origins.ts';

export type ConventionPage = ConventionState & {
  access: ConventionAccess;
  origins: Origins;
  /** Each party of the grid, with its signature on the current version if any. */
  parties: { party: string; role: string; name: string; signedBy: string | null; signedAt: string | null }[];
};

export async function conventionPage(actor: Actor, enrolmentId: string): Promise<ConventionPage | null> {
  const access = await conventionAccess(actor, enrolmentId);
  if (!access) return null;
  const origins = await requestOrigins(access.siteId);
  const state = await conventionState(access.enrolmentId, origins);
  if (!state) return null;
  const marks = new Map(marksOf(state.convention).map((m) => [m.party, m]));
  const parties = requiredParties(state.content).map((party) => {
    const signer = state.content.signers.find((s) => s.party === party)!;
    const mark = marks.get(party);
    return { party, role: PARTY_ROLE[party], name: signer.name, signedBy: mark?.signerName ?? null, signedAt: mark?.signedAt ?? null };
  });
  return { ...state, access, origins, parties };
}

export { conventionAccess } from './access.ts';
export { conventionFile, attendanceCertificate, signatureView, signaturePdf } from './service.ts';
export { requestOrigins } from './origins.ts';
