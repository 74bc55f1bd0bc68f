jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshIp, lastLink, makeOperator, makeRegistered, seedReference } from '../factories/accounts';
import { PASSWORD, makeEstablishment } from '../factories/people';
import { registerEstablishment } from '@/lib/accounts/registration';
import { listPendingReviews } from '@/lib/accounts/reviews';
import { activateWithPassword } from '@/lib/accounts/activation';
import { checkCredentials } from '@/lib/core/credentials';
import { decideRegistrationReviewAction } from '@/lib/accounts/admin-actions';

const db = useTestDb();
const ids: Record<string, string> = {};
const apply = (uai: string, email: string) =>
  registerEstablishment(
    { uai, civility: 'M.', lastName: 'Bernard', firstName: 'Luc', function: 'Directeur ou directrice', email, password: PASSWORD, passwordConfirm: PASSWORD },
    { origin: 'http://localhost:3000', ip: freshIp() },
  );

beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  await makeEstablishment(prisma, { uai: '0353069W', name: 'Collège privé Notre-Dame', isPublic: false, directoryEmail: null });
  await makeEstablishment(prisma, { uai: '0352921K', name: 'École Noesis', isPublic: false, directoryEmail: null });
  ids.operator = (await makeOperator(prisma)).id;
  ids.principal = (await makeRegistered(prisma, '0350033W')).principal.id;
  await apply('0353069W', 'direction@notre-dame.example.fr');
  await apply('0352921K', 'contact@noesis.example.org');
});

const reviewOf = async (email: string) => (await listPendingReviews()).find((r) => r.applicant.email === email)!;

describe('registrations reviewed by the operator', () => {
  it('lists the pending registrations with the establishment and the applicant', async () => {
    const reviews = await listPendingReviews();
    expect(reviews.map((r) => [r.establishment.uai, r.applicant.email, r.applicant.memberships[0].function])).toEqual([
      ['0353069W', 'direction@notre-dame.example.fr', 'Directeur ou directrice'],
      ['0352921K', 'contact@noesis.example.org', 'Directeur ou directrice'],
    ]);
  });

  it('keeps the applicant out until the review is done', async () => {
    expect(await checkCredentials({ login: 'direction@notre-dame.example.fr', password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: 'PENDING_REVIEW' });
  });

  it('is forbidden to anyone but the operator', async () => {
    const review = await reviewOf('direction@notre-dame.example.fr');
    actAs(ids.principal);
    expect(await decideRegistrationReviewAction({ reviewId: review.id, decision: 'APPROVE' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    actAs(null);
    expect(await decideRegistrationReviewAction({ reviewId: review.id, decision: 'APPROVE' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('approves: an activation email proves the address, then the applicant manages the establishment', async () => {
    const { prisma } = db();
    const review = await reviewOf('direction@notre-dame.example.fr');
    actAs(ids.operator);
    expect(await decideRegistrationReviewAction({ reviewId: review.id, decision: 'APPROVE' })).toEqual({ ok: true, data: { status: 'APPROVED' } });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'direction@notre-dame.example.fr', template: 'activation' } });
    expect(mail.text).toMatch(/L’équipe technique a validé votre demande/);
    const raw = await lastLink(prisma, 'direction@notre-dame.example.fr', '/activation/');
    expect(await activateWithPassword({ raw, password: PASSWORD })).toMatchObject({ ok: true, managerOf: ['Collège privé Notre-Dame (Rennes)'] });
    const e = await prisma.establishment.findUniqueOrThrow({ where: { uai: '0353069W' }, include: { memberships: true } });
    expect(e.registeredAt).toBeInstanceOf(Date);
    expect(e.memberships[0]).toMatchObject({ role: 'PRINCIPAL', status: 'ACTIVE' });
    expect(await prisma.auditEntry.count({ where: { action: 'registration-review.approve', targetId: review.id, actorId: ids.operator } })).toBe(1);
  });

  it('refuses with a reason: the applicant is told and cannot sign in', async () => {
    const { prisma } = db();
    const review = await reviewOf('contact@noesis.example.org');
    actAs(ids.operator);
    const result = await decideRegistrationReviewAction({ reviewId: review.id, decision: 'REFUSE', reason: 'Établissement hors contrat, non vérifiable.' });
    expect(result).toEqual({ ok: true, data: { status: 'REFUSED' } });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'contact@noesis.example.org', template: 'registration-refused' } });
    expect(mail.text).toContain('Motif : Établissement hors contrat, non vérifiable.');
    expect(await checkCredentials({ login: 'contact@noesis.example.org', password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: 'DISABLED' });
    expect((await prisma.establishment.findUniqueOrThrow({ where: { uai: '0352921K' } })).registeredAt).toBeNull();
  });

  it('refuses to decide twice', async () => {
    const { prisma } = db();
    const done = await prisma.registrationReview.findFirstOrThrow({ where: { status: 'REFUSED' } });
    actAs(ids.operator);
    expect(await decideRegistrationReviewAction({ reviewId: done.id, decision: 'APPROVE' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
