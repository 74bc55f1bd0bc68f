// The audit trail is append-only: the database itself refuses to change or delete a line (trigger
// "AuditEntry_immutable", migration 20261204000000_audit_trail), whether the statement comes from
// Prisma's API or from raw SQL; and deleting an account that acted (the yearly rollover removes the
// pupils' accounts) leaves its lines whole — the actor's id stays, the journal says « Compte supprimé ».
// Runs on PGlite and, with `npm run test:postgres -- audit-immutable`, on PostgreSQL.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeClass, makePupil, makeTeam, type Team } from '../factories/college';
import { makeUser } from '../factories/people';
import { recordAudit } from '@/lib/audit/service';
import { auditPage, DELETED_ACCOUNT } from '@/lib/audit/queries';
import { auditFilters } from '@/lib/audit/filters';
import { rolloverStep, startRollover } from '@/lib/classes/rollover';
import { updateOwnGuardiansAction } from '@/lib/classes/pupil-actions';

const db = useTestDb();
const REFUSED = /Le journal d’audit ne se modifie pas : (UPDATE|DELETE) refusé/;
let team: Team;
let lineId: string;

async function line() {
  const p = db().prisma;
  const actor = await makeUser(p);
  await p.$transaction((tx) =>
    recordAudit(tx, { actorId: actor.id, action: 'class.delete', establishmentId: team.establishmentId, data: { name: '3e Z' }, ip: '192.0.2.1' }),
  );
  return p.auditEntry.findFirstOrThrow({ where: { actorId: actor.id } });
}

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  lineId = (await line()).id;
});

describe('a line of the trail', () => {
  it('cannot be changed by a raw UPDATE', async () => {
    const p = db().prisma;
    const before = await p.auditEntry.findUniqueOrThrow({ where: { id: lineId } });
    await expect(p.$executeRawUnsafe(`UPDATE "AuditEntry" SET "action" = 'class.create', "ip" = NULL WHERE "id" = $1`, lineId)).rejects.toThrow(REFUSED);
    await expect(p.$executeRaw`UPDATE "AuditEntry" SET "actorId" = NULL`).rejects.toThrow(REFUSED);
    expect(await p.auditEntry.findUniqueOrThrow({ where: { id: lineId } })).toEqual(before);
  });

  it('cannot be deleted by a raw DELETE, one line or all', async () => {
    const p = db().prisma;
    const count = await p.auditEntry.count();
    await expect(p.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE "id" = $1`, lineId)).rejects.toThrow(REFUSED);
    await expect(p.$executeRaw`DELETE FROM "AuditEntry"`).rejects.toThrow(REFUSED);
    expect(await p.auditEntry.count()).toBe(count);
  });

  it('cannot be changed or deleted through Prisma’s API either', async () => {
    const p = db().prisma;
    await expect(p.auditEntry.update({ where: { id: lineId }, data: { data: {} } })).rejects.toThrow(REFUSED);
    await expect(p.auditEntry.updateMany({ data: { ip: null } })).rejects.toThrow(REFUSED);
    await expect(p.auditEntry.delete({ where: { id: lineId } })).rejects.toThrow(REFUSED);
    await expect(p.auditEntry.deleteMany({})).rejects.toThrow(REFUSED);
    expect(await p.auditEntry.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ action: 'class.delete', ip: '192.0.2.1' });
  });

  it('can still be added: the trail only grows', async () => {
    const count = await db().prisma.auditEntry.count();
    await line();
    expect(await db().prisma.auditEntry.count()).toBe(count + 1);
  });
});

describe('an account deleted after it acted', () => {
  it('leaves its line whole: same actor id, « Compte supprimé » in the journal', async () => {
    const p = db().prisma;
    const l = await line();
    await p.user.delete({ where: { id: l.actorId! } });
    expect(await p.auditEntry.findUniqueOrThrow({ where: { id: l.id } })).toEqual(l);
    const page = await auditPage({ kind: 'establishment', establishmentId: team.establishmentId }, auditFilters({}));
    expect(page.rows.find((r) => r.id === l.id)).toMatchObject({ who: DELETED_ACCOUNT, whoId: null, label: 'Classe supprimée' });
  });

  it('the yearly rollover removes the accounts of pupils who have lines in the trail, and the lines stay', async () => {
    const p = db().prisma;
    const room = await makeClass(p, { establishmentId: team.establishmentId, name: '3e 2025', schoolYear: 2025 });
    const { pupil, user } = await makePupil(p, { establishmentId: team.establishmentId, classRoomId: room.id, schoolYear: 2025 });
    actAs(user!.id);
    expect((await updateOwnGuardiansAction({ guardians: [] })).ok).toBe(true);
    const mine = await p.auditEntry.findFirstOrThrow({ where: { actorId: user!.id, action: 'pupil.guardians' } });
    expect(mine).toMatchObject({ targetId: pupil.id, establishmentId: team.establishmentId });

    const summer = new Date('2026-08-20T10:00:00Z');
    const run = await startRollover({ year: 2025, actorId: team.members.PRINCIPAL.user.id, dryRun: false, now: summer });
    for (let i = 0; i < 10 && !(await rolloverStep(run.id, summer)).finished; i++);
    expect(await p.user.findUnique({ where: { id: user!.id } })).toBeNull();
    expect(await p.pupil.findUniqueOrThrow({ where: { id: pupil.id } })).toMatchObject({ firstName: null, userId: null });
    expect(await p.auditEntry.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(mine);
    expect(await p.auditEntry.count({ where: { action: 'rollover.run', targetId: run.id } })).toBe(1);
  });
});
