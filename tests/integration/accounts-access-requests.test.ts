jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('@/lib/core/request', () => ({ clientIp: async () => (globalThis as { testIp?: string }).testIp ?? '127.0.0.1' }));

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshIp, lastLink, makeOperator, makeRegistered, seedReference } from '../factories/accounts';
import { makeEstablishment, makeMember } from '../factories/people';
import { identifierHint, maskAddress, submitAccessRequest } from '@/lib/accounts/identifier';
import { declineAccessRequest, grantAccessRequest, listOverdueRequests, listPendingRequests } from '@/lib/accounts/access-requests';
import { submitAccessRequestAction } from '@/lib/accounts/actions';
import { declineAccessRequestAction, grantAccessRequestAction, operatorDeclineAccessRequestAction, operatorGrantAccessRequestAction } from '@/lib/accounts/admin-actions';
import { hashLinkToken } from '@/lib/core/links';

const db = useTestDb();
const origin = 'http://localhost:3000';
const request = (email: string, uai = '0350033W') =>
  submitAccessRequest({ uai, lastName: 'Martin', firstName: 'Julie', function: 'Professeure principale de 3e A', email }, { origin, ip: freshIp() });
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  const ormeaux = await makeRegistered(prisma, '0350033W', { name: 'Collège les Ormeaux' });
  ids.ormeaux = ormeaux.establishment.id;
  ids.principal = ormeaux.principal.id;
  ids.deputy = (await makeMember(prisma, { establishmentId: ormeaux.establishment.id, login: 'adjoint.ormeaux@ac-rennes.fr', role: 'DEPUTY' })).user.id;
  ids.teacher = (await makeMember(prisma, { establishmentId: ormeaux.establishment.id, login: 'marie.leroy@ac-rennes.fr', role: 'MAIN_TEACHER' })).user.id;
  await makeMember(prisma, { establishmentId: ormeaux.establishment.id, login: 'ancien.adjoint@ac-rennes.fr', role: 'DEPUTY', status: 'PENDING' });
  const dolto = await makeRegistered(prisma, '0352274G', { name: 'Collège Françoise Dolto' });
  ids.otherPrincipal = dolto.principal.id;
  await makeEstablishment(prisma, { uai: '0351847T', name: 'Collège Georges Brassens' });
  ids.orphan = (await makeEstablishment(prisma, { uai: '0352260S', name: 'Collège François Truffaut', registeredAt: new Date() })).id;
  ids.operator = (await makeOperator(prisma)).id;
});

describe('« Vous ne connaissez pas votre identifiant ? »', () => {
  it('shows only the first letters of the manager’s address', async () => {
    expect(maskAddress('ce.0350033w@ac-rennes.fr')).toBe('ce.....@ac-rennes.fr');
    expect(await identifierHint('0350033W')).toEqual({
      status: 'REGISTERED',
      establishment: { uai: '0350033W', label: 'Collège les Ormeaux (Rennes)' },
      hints: ['ce.....@ac-rennes.fr'],
    });
  });

  it('says when the establishment is not registered yet, or unknown', async () => {
    expect(await identifierHint('0351847T')).toMatchObject({ status: 'NOT_REGISTERED' });
    expect(await identifierHint('0490003M')).toEqual({ status: 'UNKNOWN' });
  });
});

describe('the access request', () => {
  it('requires an academic address and says so', async () => {
    actAs(null);
    const result = await submitAccessRequestAction({ uai: '0350033W', lastName: 'M', firstName: 'J', function: 'Prof', email: 'julie@gmail.com' });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { email: [expect.stringMatching(/adresse email académique/)] } } });
    const missing = await submitAccessRequestAction({ uai: '0350033W', lastName: '', firstName: '', function: '', email: '' });
    expect(!missing.ok && Object.keys(missing.error.fieldErrors ?? {}).sort()).toEqual(['email', 'firstName', 'function', 'lastName']);
  });

  it('records the request and emails every active chef d’établissement and adjoint, nobody else', async () => {
    const { prisma } = db();
    const { requestId } = await request('julie.martin@ac-rennes.fr');
    expect(await prisma.accessRequest.findUnique({ where: { id: requestId } })).toMatchObject({ status: 'PENDING', email: 'julie.martin@ac-rennes.fr' });
    const mails = await prisma.outboxEmail.findMany({ where: { template: 'access-request' } });
    expect(mails.map((m) => m.to).sort()).toEqual(['adjoint.ormeaux@ac-rennes.fr', 'ce.0350033w@ac-rennes.fr']);
    expect(mails[0].text).toContain('Julie Martin');
    expect(mails[0].text).toContain(`${origin}/etablissement/demandes`);
    expect(await prisma.auditEntry.count({ where: { action: 'access-request.create', targetId: requestId } })).toBe(1);
  });

  it('does not duplicate a request still pending from the same address', async () => {
    const { prisma } = db();
    await request('julie.martin@ac-rennes.fr');
    expect(await prisma.accessRequest.count({ where: { email: 'julie.martin@ac-rennes.fr' } })).toBe(1);
  });

  it('goes to the operator when the establishment has no active manager', async () => {
    const { prisma } = db();
    const { requestId } = await request('prof.truffaut@ac-rennes.fr', '0352260S');
    expect(await prisma.outboxEmail.count({ where: { template: 'access-request', to: 'operateur@ministage.localhost' } })).toBe(1);
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).escalatedAt).toBeInstanceOf(Date);
  });

  it('throttles requests from one address', async () => {
    const ip = freshIp();
    const send = () => submitAccessRequest({ uai: '0352274G', lastName: 'L', firstName: 'P', function: 'Prof', email: 'insistant@ac-rennes.fr' }, { origin, ip });
    for (let i = 0; i < 5; i++) await send();
    await expect(send()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses a request for an establishment that is not registered yet', async () => {
    await expect(request('quelquun@ac-rennes.fr', '0351847T')).rejects.toThrow(/pas encore inscrit/);
  });
});

describe('answering requests (chef d’établissement)', () => {
  it('lists the pending requests of the manager’s own establishment only', async () => {
    expect((await listPendingRequests(ids.ormeaux)).map((r) => r.email)).toEqual(['julie.martin@ac-rennes.fr']);
  });

  it('grants: an invitation with the chosen role, whose link is emailed and whose token is stored hashed', async () => {
    const { prisma } = db();
    const [pending] = await listPendingRequests(ids.ormeaux);
    actAs(ids.principal);
    const result = await grantAccessRequestAction({ requestId: pending.id, staffRole: 'MAIN_TEACHER' });
    expect(result.ok).toBe(true);
    const answered = await prisma.accessRequest.findUniqueOrThrow({ where: { id: pending.id }, include: { invitation: true } });
    expect(answered).toMatchObject({ status: 'GRANTED', answeredById: ids.principal });
    expect(answered.invitation).toMatchObject({
      email: 'julie.martin@ac-rennes.fr',
      establishmentId: ids.ormeaux,
      staffRole: 'MAIN_TEACHER',
      invitedById: ids.principal,
    });
    const raw = await lastLink(prisma, 'julie.martin@ac-rennes.fr', '/invitation/');
    expect(answered.invitation!.tokenHash).toBe(await hashLinkToken(raw));
    expect(answered.invitation!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(await prisma.auditEntry.count({ where: { action: 'access-request.grant', targetId: pending.id } })).toBe(1);
  });

  it('refuses to answer twice', async () => {
    const { prisma } = db();
    const done = await prisma.accessRequest.findFirstOrThrow({ where: { email: 'julie.martin@ac-rennes.fr' } });
    actAs(ids.deputy);
    expect(await declineAccessRequestAction({ requestId: done.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('declines: the requester is told by email', async () => {
    const { prisma } = db();
    const { requestId } = await request('inconnu.du.college@ac-rennes.fr');
    actAs(ids.deputy);
    expect(await declineAccessRequestAction({ requestId })).toEqual({ ok: true, data: { declined: true } });
    expect(await prisma.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: 'DECLINED', answeredById: ids.deputy });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'inconnu.du.college@ac-rennes.fr', template: 'access-request-answer' } });
    expect(mail.text).toMatch(/n’ont pas accepté votre demande/);
    expect(await prisma.auditEntry.count({ where: { action: 'access-request.decline', targetId: requestId } })).toBe(1);
  });

  it('finds nothing for the manager of another establishment, and forbids a teacher', async () => {
    const { prisma } = db();
    const { requestId } = await request('autre.prof@ac-rennes.fr');
    actAs(ids.otherPrincipal);
    expect(await grantAccessRequestAction({ requestId, staffRole: 'TEACHER' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    actAs(ids.teacher);
    expect(await declineAccessRequestAction({ requestId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    actAs(null);
    expect(await declineAccessRequestAction({ requestId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('PENDING');
  });

  it('never lets a manager hand out the chef d’établissement role through a request', async () => {
    const { prisma } = db();
    const pending = await prisma.accessRequest.findFirstOrThrow({ where: { email: 'autre.prof@ac-rennes.fr' } });
    actAs(ids.principal);
    expect(await grantAccessRequestAction({ requestId: pending.id, staffRole: 'PRINCIPAL' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('requests unanswered after 24 hours (operator)', () => {
  const tomorrow = () => new Date(Date.now() + 25 * 60 * 60_000);

  it('lists them for the operator, marking which ones may be followed up (ce.<uai> addresses only)', async () => {
    const { prisma } = db();
    await request('ce.0350033w@ac-rennes.fr');
    expect((await listOverdueRequests()).map((r) => r.email)).toEqual(['prof.truffaut@ac-rennes.fr']); // sent to the operator at once
    const overdue = await listOverdueRequests(tomorrow());
    expect(overdue.map((r) => [r.email, r.escalatable])).toEqual([
      ['prof.truffaut@ac-rennes.fr', false],
      ['insistant@ac-rennes.fr', false],
      ['autre.prof@ac-rennes.fr', false],
      ['ce.0350033w@ac-rennes.fr', true],
    ]);
    expect(await prisma.accessRequest.count({ where: { status: 'PENDING' } })).toBe(4);
  });

  it('lets the operator grant an escalatable request after 24 hours, and nothing before', async () => {
    const { prisma } = db();
    const official = await prisma.accessRequest.findFirstOrThrow({ where: { email: 'ce.0350033w@ac-rennes.fr' } });
    actAs(ids.operator);
    expect(await operatorGrantAccessRequestAction({ requestId: official.id, staffRole: 'PRINCIPAL' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(
      grantAccessRequest({ requestId: official.id, staffRole: 'PRINCIPAL', origin, now: tomorrow() }, { userId: ids.operator, operator: true }),
    ).resolves.toMatchObject({ invitationId: expect.any(String) });
  });

  it('refuses the operator a grant for another address, but lets them decline it', async () => {
    const { prisma } = db();
    const other = await prisma.accessRequest.findFirstOrThrow({ where: { email: 'autre.prof@ac-rennes.fr' } });
    const who = { userId: ids.operator, operator: true } as const;
    await expect(grantAccessRequest({ requestId: other.id, staffRole: 'TEACHER', origin, now: tomorrow() }, who)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await declineAccessRequest({ requestId: other.id, now: tomorrow() }, who);
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('DECLINED');
  });

  it('forbids the operator’s actions to anyone else', async () => {
    const { prisma } = db();
    const pending = await prisma.accessRequest.findFirstOrThrow({ where: { status: 'PENDING' } });
    actAs(ids.principal);
    expect(await operatorDeclineAccessRequestAction({ requestId: pending.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
