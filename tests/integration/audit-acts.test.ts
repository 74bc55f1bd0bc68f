// Every access change and sensitive act writes its line in the audit trail, through the real actions:
// who (actorId), what (action), where (establishmentId / siteId) and from which client address (the
// request's X-Forwarded-For, read by lib/core/client-ip.ts). Each act runs in its own « request » with
// its own address, so each line's address is proven to be that act's. A line written outside any
// request (a background job) has no address. No line's data holds a pupil's or a guardian's name.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
// Next's request context: headers() of the current request, or the error Next throws outside one.
const mockRequest: { headers: Headers | null } = { headers: null };
jest.mock('next/headers', () => ({
  headers: async () => {
    if (!mockRequest.headers) throw new Error('`headers` was called outside a request scope.');
    return mockRequest.headers;
  },
}));

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { lastLink, makeOperator, seedReference } from '../factories/accounts';
import { makeEstablishment, makeMember, makeUser, PASSWORD } from '../factories/people';
import { makeTeam, pupilSignUpInput, type Team } from '../factories/college';
import { daysFromNow, fillConventionInfo, makeCollege, makeSite, makeStage, NOW, outboxEmails, outboxMark, type TestCollege, type TestSite } from '../factories/sites';
import { setNow } from '@/lib/core/clock';
import { registerEstablishmentAction, activateAccountAction } from '@/lib/accounts/actions';
import { checkCredentials } from '@/lib/core/credentials';
import { acceptInvitationExistingAction, approveMembershipAction, inviteStaffAction } from '@/lib/team/actions';
import { deleteClassAction, detachPupilAction } from '@/lib/classes/actions';
import { signUpPupilAction } from '@/lib/classes/pupil-actions';
import { cancelEnrolmentAction, enrolAction, saveEnrolmentOptionsAction } from '@/lib/enrolments/actions';
import { sendForSignatureAction, signConventionAction } from '@/lib/conventions/actions';
import { closePrinter } from '@/lib/conventions/printer';
import { rolloverStepAction, startRolloverAction } from '@/lib/classes/rollover-actions';
import { updateSiteOptionsAction } from '@/lib/sites/actions';
import { acceptSiteInvitation, inviteSiteStaff } from '@/lib/sites/invitations';
import { recordAudit } from '@/lib/audit/service';

const db = useTestDb();
let team: Team;
let demo: TestSite;
let college: TestCollege;
let operatorId: string;
const D = daysFromNow(10);

let ipSeq = 0;
/** Opens a « request » from a new client address (behind one proxy) and returns that address. */
function request(): string {
  const ip = `203.0.113.${++ipSeq}`;
  mockRequest.headers = new Headers({ 'x-forwarded-for': ip, host: 'localhost' });
  return ip;
}

/** The one line of `action` (on `targetId` when given) written since the test began. */
async function lineOf(action: string, where: { targetId?: string; actorId?: string | null } = {}) {
  const rows = await db().prisma.auditEntry.findMany({ where: { action, ...where }, orderBy: { at: 'desc' } });
  expect(rows).toHaveLength(1);
  return rows[0];
}

beforeAll(async () => {
  process.env.SEAL_DIR = mkdtempSync(join(tmpdir(), 'seal-'));
  setNow(NOW, { frozen: true });
  const p = db().prisma;
  await seedReference(p);
  await makeEstablishment(p, { uai: '0351847T', name: 'Collège Georges Brassens', city: 'Le Rheu' });
  team = await makeTeam(p, { name: 'Collège les Ormeaux' });
  demo = await makeSite(p, { slug: 'demo', uai: '0350032V' });
  college = await makeCollege(p, { uai: '0350033W', name: 'Collège Anatole France', pupils: 2 });
  await fillConventionInfo(p, demo, college);
  // Names that cannot appear in a line by chance (checked at the end).
  for (const [i, pupil] of college.pupils.entries()) {
    await p.pupil.update({ where: { id: pupil.id }, data: { firstName: `Zéphyrine${i}`, lastName: 'Vautrinaud', birthDate: new Date(Date.UTC(2012, 2, 14 + i)) } });
    await p.guardian.updateMany({ where: { pupilId: pupil.id }, data: { firstName: 'Hortense', lastName: 'Valdéric' } });
  }
  operatorId = (await makeOperator(p)).id;
}, 60_000);

afterAll(async () => {
  mockRequest.headers = null;
  setNow(null);
  await closePrinter();
});

describe('accounts', () => {
  it('registration and activation of an establishment: the account, its collège, the address', async () => {
    const ip = request();
    actAs(null);
    const res = await registerEstablishmentAction({
      uai: '0351847T',
      civility: 'Mme',
      lastName: 'Dupont',
      firstName: 'Claire',
      function: "Chef d'établissement",
      password: 'Brassens-Le-Rheu-2026',
      passwordConfirm: 'Brassens-Le-Rheu-2026',
    });
    expect(res.ok).toBe(true);
    const user = await db().prisma.user.findUniqueOrThrow({ where: { login: 'ce.0351847t@ac-rennes.fr' } });
    const brassens = await db().prisma.establishment.findUniqueOrThrow({ where: { uai: '0351847T' } });
    expect(await lineOf('establishment.register')).toMatchObject({ targetId: user.id, establishmentId: brassens.id, ip });

    const ip2 = request();
    const token = await lastLink(db().prisma, 'ce.0351847t@ac-rennes.fr', '/activation/');
    expect((await activateAccountAction({ token, password: 'Brassens-Le-Rheu-2026' })).ok).toBe(true);
    expect(await lineOf('account.activate')).toMatchObject({ actorId: user.id, ip: ip2 });
    expect(await lineOf('establishment.activate')).toMatchObject({ actorId: user.id, establishmentId: brassens.id, ip: ip2 });
  });

  it('a failed sign-in on an existing account: the account, its collège, the address given by the sign-in', async () => {
    const user = team.members.TEACHER.user;
    const account = await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await checkCredentials({ login: account.login, password: 'pas le bon', ip: '198.51.100.7' })).toEqual({ ok: false, reason: 'INVALID' });
    expect(await lineOf('sign-in.failure', { actorId: user.id })).toMatchObject({
      establishmentId: team.establishmentId,
      targetType: 'User',
      targetId: user.id,
      data: { reason: 'INVALID' },
      ip: '198.51.100.7',
    });
  });

  it('a failed sign-in on an unknown identifier: nobody, the identifier masked, the address', async () => {
    expect(await checkCredentials({ login: 'Inconnu.Total@exemple.fr', password: 'x', ip: '198.51.100.8' })).toMatchObject({ ok: false });
    const line = await lineOf('sign-in.failure', { actorId: null });
    expect(line).toMatchObject({ establishmentId: null, siteId: null, data: { reason: 'INVALID', login: 'in.....@exemple.fr' }, ip: '198.51.100.8' });
    expect(JSON.stringify(line.data)).not.toContain('inconnu.total');
  });

  it('a pupil signing up with a class code: the new account, the collège', async () => {
    const ip = request();
    actAs(null);
    const res = await signUpPupilAction(pupilSignUpInput(team.classA.joinCode, { login: 'lea.audit' }));
    expect(res.ok).toBe(true);
    const user = await db().prisma.user.findUniqueOrThrow({ where: { login: 'lea.audit' }, include: { pupil: true } });
    expect(await lineOf('pupil.signup')).toMatchObject({ actorId: user.id, establishmentId: team.establishmentId, targetId: user.pupil!.id, ip });
  });
});

describe('the collège team', () => {
  it('an approval by the head', async () => {
    const pending = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'CPE', status: 'PENDING' });
    const ip = request();
    actAs(team.members.PRINCIPAL.user.id);
    expect((await approveMembershipAction({ membershipId: pending.membership.id })).ok).toBe(true);
    expect(await lineOf('membership.approve')).toMatchObject({
      actorId: team.members.PRINCIPAL.user.id,
      establishmentId: team.establishmentId,
      targetId: pending.membership.id,
      data: { role: 'CPE' },
      ip,
    });
  });

  it('an invitation (to a former teacher of the collège, as professeur principal)', async () => {
    const former = await makeMember(db().prisma, { establishmentId: team.establishmentId, role: 'TEACHER', status: 'REVOKED', email: 'nouvelle.recrue@ac-rennes.fr' });
    expect(former.membership).toBeTruthy();
    const ip = request();
    actAs(team.members.DEPUTY.user.id);
    expect((await inviteStaffAction({ email: 'nouvelle.recrue@ac-rennes.fr', role: 'MAIN_TEACHER' })).ok).toBe(true);
    expect(await lineOf('invitation.create')).toMatchObject({
      actorId: team.members.DEPUTY.user.id,
      establishmentId: team.establishmentId,
      data: { email: 'nouvelle.recrue@ac-rennes.fr', role: 'MAIN_TEACHER' },
      ip,
    });
  });

  it('a role change: a former teacher of the collège comes back as professeur principal by that invitation', async () => {
    const p = db().prisma;
    const person = await p.user.findUniqueOrThrow({ where: { email: 'nouvelle.recrue@ac-rennes.fr' } });
    const token = await lastLink(p, person.email!, '/invitation/');
    const ip = request();
    actAs(null);
    expect((await acceptInvitationExistingAction({ token, password: PASSWORD })).ok).toBe(true);
    const m = await p.membership.findFirstOrThrow({ where: { userId: person.id, establishmentId: team.establishmentId } });
    expect(m).toMatchObject({ role: 'MAIN_TEACHER', status: 'ACTIVE' });
    expect(await lineOf('invitation.accept')).toMatchObject({
      actorId: person.id,
      establishmentId: team.establishmentId,
      data: { membershipId: m.id, role: 'MAIN_TEACHER' },
      ip,
    });
  });

  it('a platform invitation and its acceptance', async () => {
    const p = db().prisma;
    const person = await makeUser(p, { email: 'futur.admin@ac-rennes.fr' });
    const ip = request();
    const { id } = await inviteSiteStaff({
      siteId: demo.site.id,
      email: person.email!,
      role: 'ADMIN',
      invitedById: demo.admin.id,
      requestOrigin: 'http://demo.localhost',
    });
    expect(await lineOf('site-invitation.create')).toMatchObject({ actorId: demo.admin.id, siteId: demo.site.id, targetId: id, data: { role: 'ADMIN' }, ip });
    const mail = await p.outboxEmail.findFirstOrThrow({ where: { to: person.email! }, orderBy: { createdAt: 'desc' } });
    const raw = /\/invitation-plateforme\/([\w-]+)/.exec(mail.text)![1];
    const ip2 = request();
    await acceptSiteInvitation({ raw, siteId: demo.site.id, user: { id: person.id, email: person.email } });
    expect(await lineOf('site-invitation.accept')).toMatchObject({ actorId: person.id, siteId: demo.site.id, data: { role: 'ADMIN' }, ip: ip2 });
  });
});

describe('classes and pupils', () => {
  it('a class deleted', async () => {
    const ip = request();
    actAs(team.members.PRINCIPAL.user.id);
    expect((await deleteClassAction({ classRoomId: team.classB.id })).ok).toBe(true);
    expect(await lineOf('class.delete')).toMatchObject({
      actorId: team.members.PRINCIPAL.user.id,
      establishmentId: team.establishmentId,
      targetId: team.classB.id,
      data: { name: '3e B' },
      ip,
    });
  });

  it('a pupil detached from the collège', async () => {
    const ip = request();
    actAs(team.members.SECRETARY.user.id);
    expect((await detachPupilAction({ pupilId: team.pupil.id })).ok).toBe(true);
    expect(await lineOf('pupil.detach')).toMatchObject({ actorId: team.members.SECRETARY.user.id, establishmentId: team.establishmentId, targetId: team.pupil.id, ip });
  });
});

describe('enrolments and conventions', () => {
  let enrolmentId: string;

  it('an enrolment (the one-statement path): the member, the collège and the platform, the address', async () => {
    const stage = await makeStage(db().prisma, demo, { date: D });
    const ip = request();
    actAs(college.principal.id, demo.host);
    const res = await enrolAction({ stageId: stage.id, pupilIds: [college.pupils[0].id] });
    expect(res.ok && res.data.results[0].outcome).toBe('CONFIRMED');
    const e = await db().prisma.enrolment.findFirstOrThrow({ where: { stageId: stage.id } });
    enrolmentId = e.id;
    expect(await lineOf('enrolment.create', { targetId: e.id })).toMatchObject({
      actorId: college.principal.id,
      establishmentId: college.est.id,
      siteId: demo.site.id,
      ip,
    });
  });

  it('a convention sent, then signed through a link (nobody signed in): the platform, the collège, the signer’s address', async () => {
    const since = await outboxMark();
    const ip = request();
    actAs(demo.admin.id, demo.host);
    expect((await sendForSignatureAction({ enrolmentId })).ok).toBe(true);
    const c = await db().prisma.convention.findUniqueOrThrow({ where: { enrolmentId } });
    expect(await lineOf('convention.send', { targetId: c.id })).toMatchObject({ actorId: demo.admin.id, siteId: demo.site.id, establishmentId: college.est.id, ip });
    const mails = await outboxEmails(db().prisma, { since });
    const guardianMail = mails.find((m) => m.to.startsWith('parent') && /\/signature\//.test(m.html))!;
    const token = /\/signature\/([A-Za-z0-9_-]{43})/.exec(guardianMail.html)![1];
    const ip2 = request();
    actAs(null, demo.host);
    expect((await signConventionAction({ token, signerName: 'Hortense Valdéric', consent: true })).ok).toBe(true);
    const line = await lineOf('convention.sign', { targetId: c.id });
    // A guardian's client address and browser stay on the Signature row (erased with the pupil), not in the trail.
    expect(line).toMatchObject({ actorId: null, siteId: demo.site.id, establishmentId: college.est.id, data: { party: 'GUARDIAN_1' }, ip: null });
    expect(line!.data).not.toHaveProperty('userAgent');
    expect(JSON.stringify(line)).not.toContain(ip2);
    expect(await db().prisma.signature.findFirstOrThrow({ where: { conventionId: c.id, party: 'GUARDIAN_1' } })).toMatchObject({ ip: ip2 });
  }, 90_000);

  it('a cancellation', async () => {
    const ip = request();
    actAs(college.principal.id, demo.host);
    expect((await cancelEnrolmentAction({ enrolmentId })).ok).toBe(true);
    expect(await lineOf('enrolment.cancel', { targetId: enrolmentId })).toMatchObject({
      actorId: college.principal.id,
      establishmentId: college.est.id,
      siteId: demo.site.id,
      ip,
    });
  });
});

describe('the platform and the school year', () => {
  it('platform options and enrolment options', async () => {
    const ip = request();
    actAs(demo.admin.id, demo.host);
    expect((await updateSiteOptionsAction({ name: 'Lycée Démo', logoUrl: '', conventionReturn: '', conventionText: '' })).ok).toBe(true);
    expect(await lineOf('site.edit-options')).toMatchObject({ actorId: demo.admin.id, siteId: demo.site.id, ip });
    const ip2 = request();
    expect((await saveEnrolmentOptionsAction({ fairShareSeats: '2', fairShareDays: '7', conventionReminderDays: '5', convocationNote: '' })).ok).toBe(true);
    expect(await lineOf('site.enrolment-options')).toMatchObject({ actorId: demo.admin.id, siteId: demo.site.id, ip: ip2 });
  });

  it('the rollover, run by the operator', async () => {
    const ip = request();
    actAs(operatorId);
    const started = await startRolloverAction({ year: 2024, dryRun: false });
    expect(started.ok).toBe(true);
    const rolloverId = started.ok ? (started.data as { id: string }).id : '';
    let finished = false;
    for (let i = 0; i < 10 && !finished; i++) {
      const step = await rolloverStepAction({ rolloverId });
      finished = step.ok && (step.data as { finished: boolean }).finished;
    }
    expect(finished).toBe(true);
    expect(await lineOf('rollover.run', { targetId: rolloverId })).toMatchObject({ actorId: operatorId, ip });
  });

  it('a line written outside any request (a background job) has no address', async () => {
    mockRequest.headers = null;
    await db().prisma.$transaction((tx) =>
      recordAudit(tx, { action: 'enrolment.promote', establishmentId: college.est.id, targetType: 'Enrolment', targetId: 'job-test' }),
    );
    expect(await lineOf('enrolment.promote', { targetId: 'job-test' })).toMatchObject({ actorId: null, ip: null });
  });
});

describe('what the lines hold', () => {
  it('never a pupil’s or a guardian’s name, whatever the act', async () => {
    const p = db().prisma;
    const lines = await p.auditEntry.findMany({ select: { action: true, data: true } });
    expect(lines.length).toBeGreaterThan(15);
    const pupils = await p.pupil.findMany({ select: { firstName: true, lastName: true, guardians: { select: { firstName: true, lastName: true } } } });
    const names = pupils
      .flatMap((x) => [x.firstName, x.lastName, ...x.guardians.flatMap((g) => [g.firstName, g.lastName])])
      .filter((n): n is string => !!n && n.length >= 3 && !/^(Parent|Nom\d+|Élève\d+)$/.test(n));
    expect(names).toEqual(expect.arrayContaining(['Vautrinaud', 'Valdéric', 'Morel', 'Léa']));
    for (const l of lines) for (const n of names) expect(`${l.action} ${JSON.stringify(l.data)}`).not.toContain(n);
  });

  it('and every line was written with the act’s own address when a request caused it (a guardian’s signature: none, it stays on the Signature row)', async () => {
    const lines = await db().prisma.auditEntry.findMany({ where: { NOT: { action: 'enrolment.promote' } }, select: { action: true, ip: true, data: true } });
    const guardianSignature = (l: (typeof lines)[number]) => l.action === 'convention.sign' && /^GUARDIAN/.test(String((l.data as { party?: string }).party));
    expect(lines.filter((l) => !l.ip && !guardianSignature(l))).toEqual([]);
    expect(lines.filter(guardianSignature).map((l) => l.ip)).toEqual([null]);
  });
});
