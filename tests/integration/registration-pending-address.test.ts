// « Hold the doors », item 6: /inscription?uai=… is public. For a private school registered with
// the applicant's own address (no address in the directory, reviewed by the operator), the page
// showed that personal address to anyone typing the UAI. It now shows only its first letters, as
// the identifier hint does; the school's public addresses (ce.<uai>@…, directory) are still shown.
import { useTestDb } from '../helpers/db';
import { freshIp, makeOperator, seedReference } from '../factories/accounts';
import { makeEstablishment } from '../factories/people';
import { lookupRegistration, registerEstablishment } from '@/lib/accounts/registration';
import { decideReview } from '@/lib/accounts/reviews';
import { resendActivation } from '@/lib/accounts/activation';
import type { RegistrationData } from '@/lib/accounts/schema';

const db = useTestDb();
const origin = 'http://localhost:3000';
const PERSONAL = 'anne.le-goff@exemple-perso.fr';
const form = (uai: string, extra: Partial<RegistrationData> = {}): RegistrationData => ({
  uai,
  civility: 'Mme',
  lastName: 'Le Goff',
  firstName: 'Anne',
  function: 'Directeur ou directrice',
  password: 'Un-mot-de-passe-long',
  passwordConfirm: 'Un-mot-de-passe-long',
  ...extra,
});

let operatorId: string;
beforeAll(async () => {
  const { prisma } = db();
  await seedReference(prisma);
  await makeEstablishment(prisma, { uai: '0353069W', name: 'Collège privé Notre-Dame', isPublic: false, directoryEmail: null });
  await makeEstablishment(prisma, { uai: '0351962T', name: 'Lycée professionnel Abbé Pierre', kind: 'LYCEE', isPublic: false, directoryEmail: 'tinteniac@cneap.fr' });
  await makeEstablishment(prisma, { uai: '0351847T', name: 'Collège Georges Brassens' });
  operatorId = (await makeOperator(prisma)).id;
});

describe('the public registration page of a UAI', () => {
  it('never tells the applicant’s personal address while the operator reviews it, nor once approved (only its first letters)', async () => {
    const { prisma } = db();
    await registerEstablishment(form('0353069W', { email: PERSONAL }), { origin, ip: freshIp() });
    const reviewing = await lookupRegistration('0353069W');
    expect(reviewing.status).toBe('PENDING_REVIEW');
    expect(JSON.stringify(reviewing)).not.toContain('anne.le-goff');

    const review = await prisma.registrationReview.findFirstOrThrow({ where: { status: 'PENDING' } });
    await decideReview({ reviewId: review.id, decision: 'APPROVE', reviewerId: operatorId, origin });
    const approved = await lookupRegistration('0353069W');
    expect(approved).toMatchObject({ status: 'PENDING_ACTIVATION', login: 'an.....@exemple-perso.fr', resendTo: null });
    expect(JSON.stringify(approved)).not.toContain('anne.le-goff');
  });

  it('the applicant can still ask for a new activation email by typing their own address', async () => {
    const { prisma } = db();
    const before = await prisma.outboxEmail.count({ where: { to: PERSONAL, template: 'activation' } });
    await resendActivation({ identifier: PERSONAL, origin, ip: freshIp() });
    expect(await prisma.outboxEmail.count({ where: { to: PERSONAL, template: 'activation' } })).toBe(before + 1);
  });

  it('still shows the school’s own addresses, which are public', async () => {
    await registerEstablishment(form('0351962T'), { origin, ip: freshIp() });
    expect(await lookupRegistration('0351962T')).toMatchObject({ status: 'PENDING_ACTIVATION', login: 'tinteniac@cneap.fr', resendTo: 'tinteniac@cneap.fr' });
    await registerEstablishment(form('0351847T', { function: "Chef d'établissement" }), { origin, ip: freshIp() });
    expect(await lookupRegistration('0351847T')).toMatchObject({ status: 'PENDING_ACTIVATION', login: 'ce.0351847t@ac-rennes.fr', resendTo: 'ce.0351847t@ac-rennes.fr' });
  });
});
