// The convocation and its calendar invitation (.ics), read back from the outbox: sent at enrolment
// to the enrolling staff member and the guardians (only when the staff member's address is
// proven), sent again when the stage's hours change (same UID, SEQUENCE + 1), withdrawn (CANCEL,
// same UID) when the stage or the enrolment is cancelled.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { backgroundOrigin } from '@/lib/enrolments/convocations';
import { actAs } from '../helpers/session-mock';
import { makeMember } from '../factories/people';
import { daysFromNow, icsFields, makeCollege, makeSite, makeStage, NOW, outboxEmails, type TestCollege, type TestSite, outboxMark } from '../factories/sites';
import { cancelEnrolmentAction, enrolAction } from '@/lib/enrolments/actions';
import { cancelStageAction, updateStageAction } from '@/lib/stages/actions';
import { setNow } from '@/lib/core/clock';
import { newStageForm } from '@/lib/stages/schema';

const db = useTestDb();
let demo: TestSite;
let ormeaux: TestCollege;
/** Wednesday 2 December 2026: winter, Paris is UTC+1. */
const D = daysFromNow(9);
const FAMILY = 'famille.morel@example.fr';

beforeAll(async () => {
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  ormeaux = await makeCollege(p, { uai: '0350033W', name: 'Collège les Ormeaux', pupils: 6, guardianEmails: false });
});
afterAll(() => setNow(null));

/** A pupil of les Ormeaux with two guardians: one with an email (typed with capitals), one without. */
async function morel(firstName: string) {
  return db().prisma.pupil.create({
    data: {
      establishmentId: ormeaux.est.id,
      classRoomId: ormeaux.room.id,
      schoolYear: 2026,
      level: '3e',
      firstName,
      lastName: 'Morel',
      guardians: {
        create: [
          { rank: 1, firstName: 'Anne', lastName: 'Morel', email: ` ${FAMILY.toUpperCase()} ` },
          { rank: 2, firstName: 'Marc', lastName: 'Morel', email: null },
        ],
      },
    },
  });
}

const enrolAs = async (userId: string, stageId: string, pupilId: string) => {
  actAs(userId, demo.host);
  const res = await enrolAction({ stageId, pupilIds: [pupilId] });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.results[0];
};
const enrolmentOf = (stageId: string, pupilId: string) => db().prisma.enrolment.findFirstOrThrow({ where: { stageId, pupilId }, orderBy: { createdAt: 'desc' } });
const stageForm = (stage: { id: string }, over: Record<string, unknown> = {}) => ({
  id: stage.id,
  ...newStageForm(D, { formationId: demo.formations.elec.id, capacity: 10, teacherId: demo.teachers.durand.id }),
  ...over,
});

describe('the convocation at enrolment', () => {
  let stageId = '';
  let pupilId = '';
  let since: Date;

  beforeAll(async () => {
    stageId = (await makeStage(db().prisma, demo, { date: D, start: 540, end: 720 })).id;
    pupilId = (await morel('Léa')).id;
    since = new Date();
  });

  it('goes to the staff member who enrolled and to each guardian address once, and says so', async () => {
    const r = await enrolAs(ormeaux.principal.id, stageId, pupilId);
    expect(r).toEqual({ pupil: 'Léa Morel', outcome: 'CONFIRMED', message: 'Léa Morel est inscrit(e). La convocation est envoyée par email.', convocation: true });
    const mails = await outboxEmails(db().prisma, { template: 'convocation', since });
    expect(mails.map((m) => m.to).sort()).toEqual([ormeaux.principal.email, FAMILY].sort());
    for (const m of mails) expect(m.subject).toBe("Convocation au mini-stage : Bac pro Métiers de l'électricité demo, mercredi 2 décembre 2026"); // no typed name in a subject
    const staff = mails.find((m) => m.to === ormeaux.principal.email)!;
    const family = mails.find((m) => m.to === FAMILY)!;
    expect(staff.text).toContain('Léa Morel est inscrit(e) au mini-stage ci-dessous.');
    // Sent after the enrolment, by the server's loop: the platform's own address (backgroundOrigin).
    expect(staff.text).toContain(`${backgroundOrigin({ slug: 'demo', domains: [] })}/stages/${stageId}`);
    expect(family.text).toContain('Votre enfant Léa Morel est inscrit(e) au mini-stage ci-dessous, par son collège.');
    expect((await enrolmentOf(stageId, pupilId)).convocationSentAt).not.toBeNull();
  });

  it('carries the invitation: REQUEST, the enrolment’s UID, 9:00 in Paris written as 08:00 UTC', async () => {
    const enrolment = await enrolmentOf(stageId, pupilId);
    const mails = await outboxEmails(db().prisma, { template: 'convocation', since });
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.files.map((f) => [f.filename, f.contentType])).toEqual([['convocation-mini-stage.ics', 'text/calendar; charset=utf-8; method=REQUEST']]);
      const text = m.files[0].text;
      expect(text).toContain('\r\nBEGIN:VEVENT\r\n');
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(icsFields(text)).toMatchObject({
        METHOD: 'REQUEST',
        UID: `enrolment-${enrolment.id}@ministage`,
        SEQUENCE: '0',
        DTSTART: '20261202T080000Z',
        DTEND: '20261202T110000Z',
        STATUS: 'CONFIRMED',
        SUMMARY: "Mini-stage Bac pro Métiers de l'électricité demo – Léa Morel",
      });
    }
  });

  it('is not sent when the enrolling account’s address is not validated: the result says so, nobody is emailed', async () => {
    const p = db().prisma;
    const secretary = await makeMember(p, { establishmentId: ormeaux.est.id, role: 'SECRETARY' });
    await p.user.update({ where: { id: secretary.user.id }, data: { emailVerified: null } });
    const other = await morel('Tom');
    const before = await p.outboxEmail.count();
    const r = await enrolAs(secretary.user.id, stageId, other.id);
    expect(r).toEqual({
      pupil: 'Tom Morel',
      outcome: 'CONFIRMED',
      message: 'Tom Morel est inscrit(e). Aucune convocation n’a été envoyée : l’adresse email de votre compte n’est pas encore validée.',
      convocation: false,
    });
    expect((await enrolmentOf(stageId, other.id)).convocationSentAt).toBeNull();
    expect(await p.outboxEmail.count()).toBe(before);
  });
});

describe('the invitation follows the stage', () => {
  let stage: { id: string };
  let pupilId = '';
  let uid = '';

  beforeAll(async () => {
    stage = await makeStage(db().prisma, demo, { date: D, formation: 'elec', start: 540, end: 720, capacity: 10 });
    pupilId = (await morel('Inès')).id;
    await enrolAs(ormeaux.principal.id, stage.id, pupilId);
    uid = `enrolment-${(await enrolmentOf(stage.id, pupilId)).id}@ministage`;
  });

  it('an edit that leaves the day, hours and place alone sends nothing', async () => {
    actAs(demo.teacherUser.id, demo.host);
    const since = await outboxMark();
    const res = await updateStageAction(stageForm(stage, { description: 'Atelier câblage' }));
    expect(res.ok && res.data.updates).toBe(0);
    expect(await outboxEmails(db().prisma, { since })).toEqual([]);
  });

  it('new hours: the updated convocation to the same people, REQUEST with the same UID and SEQUENCE 1', async () => {
    actAs(demo.teacherUser.id, demo.host);
    const since = await outboxMark();
    const res = await updateStageAction(stageForm(stage, { startTime: '10:00' }));
    expect(res.ok && res.data.updates).toBe(1); // one pupil's convocation, to two addresses
    const mails = await outboxEmails(db().prisma, { since });
    expect(mails.map((m) => m.to).sort()).toEqual([ormeaux.principal.email, FAMILY].sort());
    for (const m of mails) {
      expect(m.subject).toMatch(/^Convocation mise à jour : Bac pro /);
      expect(icsFields(m.files[0].text)).toMatchObject({ METHOD: 'REQUEST', UID: uid, SEQUENCE: '1', DTSTART: '20261202T090000Z', DTEND: '20261202T110000Z' });
    }
    expect((await enrolmentOf(stage.id, pupilId)).sequence).toBe(1);
  });

  it('the stage cancelled: each recipient’s email carries the invitation cancelled, same UID, a higher SEQUENCE', async () => {
    actAs(demo.teacherUser.id, demo.host);
    const since = await outboxMark();
    const res = await cancelStageAction({ id: stage.id, reason: 'Atelier fermé pour travaux' });
    expect(res.ok).toBe(true);
    const mails = await outboxEmails(db().prisma, { template: 'stage-cancelled', since });
    expect(mails.map((m) => m.to).sort()).toEqual([ormeaux.principal.email, FAMILY].sort());
    for (const m of mails) {
      expect(m.files).toHaveLength(1);
      expect(m.files[0].contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
      expect(icsFields(m.files[0].text)).toMatchObject({ METHOD: 'CANCEL', UID: uid, SEQUENCE: '2', STATUS: 'CANCELLED' });
    }
    const e = await enrolmentOf(stage.id, pupilId);
    expect([e.status, e.sequence]).toEqual(['CANCELLED', 2]);
  });
});

describe('an enrolment cancelled', () => {
  it('by the lycée: the collège and the family get the invitation cancelled (same UID, SEQUENCE 1)', async () => {
    const stage = await makeStage(db().prisma, demo, { date: daysFromNow(10), formation: 'cuisine' });
    const pupil = await morel('Jade');
    await enrolAs(ormeaux.principal.id, stage.id, pupil.id);
    const e = await enrolmentOf(stage.id, pupil.id);
    actAs(demo.admin.id, demo.host);
    const since = await outboxMark();
    const res = await cancelEnrolmentAction({ enrolmentId: e.id });
    expect(res).toEqual({ ok: true, data: { promoted: 0, emails: 2 } });
    const mails = await outboxEmails(db().prisma, { since });
    expect(mails.map((m) => m.to).sort()).toEqual([ormeaux.principal.email, FAMILY].sort());
    for (const m of mails) {
      expect(m.subject).toBe('Inscription annulée : CAP Cuisine demo, jeudi 3 décembre 2026');
      expect(m.files.map((f) => f.filename)).toEqual(['annulation-mini-stage.ics']);
      expect(icsFields(m.files[0].text)).toMatchObject({ METHOD: 'CANCEL', UID: `enrolment-${e.id}@ministage`, SEQUENCE: '1', STATUS: 'CANCELLED' });
    }
  });

  it('by the collège: the lycée is told (no invitation), the family gets the invitation cancelled', async () => {
    const stage = await makeStage(db().prisma, demo, { date: daysFromNow(11), formation: 'cuisine', teacher: null });
    const pupil = await morel('Noé');
    await enrolAs(ormeaux.principal.id, stage.id, pupil.id);
    const e = await enrolmentOf(stage.id, pupil.id);
    actAs(ormeaux.principal.id, demo.host);
    const since = await outboxMark();
    expect(await cancelEnrolmentAction({ enrolmentId: e.id })).toEqual({ ok: true, data: { promoted: 0, emails: 2 } });
    const mails = await outboxEmails(db().prisma, { since });
    expect(mails.map((m) => [m.to, m.files.map((f) => icsFields(f.text).METHOD)])).toEqual([
      [demo.admin.email, []],
      [FAMILY, ['CANCEL']],
    ]);
  });
});
