// What the convention pages read: the access decision (access.ts) and the convention's state.
import type { Actor } from '../core/actor.ts';
import { prisma } from '../core/db.ts';
import { dbDay, formatHours } from '../core/format.ts';
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

/** The pupil's own mini-stages (confirmed), for « Ma classe »: each with its convention's state. */
export async function ownStages(pupilId: string) {
  const rows = await prisma.enrolment.findMany({
    where: { pupilId, status: 'CONFIRMED', stage: { status: 'PUBLISHED' } },
    orderBy: { stage: { date: 'asc' } },
    take: 50,
    select: {
      id: true,
      attendance: true,
      convention: { select: { status: true } },
      stage: { select: { date: true, startMinutes: true, endMinutes: true, formation: { select: { type: true, name: true } }, site: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    attended: r.attendance === 'PRESENT',
    convention: r.convention?.status ?? null,
    date: dbDay(r.stage.date),
    hours: formatHours(r.stage.startMinutes, r.stage.endMinutes),
    formation: `${r.stage.formation.type} ${r.stage.formation.name}`,
    platform: r.stage.site.name,
  }));
}
