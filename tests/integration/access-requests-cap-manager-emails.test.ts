// « Demande de création de compte »: anyone may submit one, so the managers' mailbox must not be
// flooded by a burst of requests under many addresses (each request stays listed on their page).
import { useTestDb } from '../helpers/db';
import { freshIp, makeRegistered, seedReference } from '../factories/accounts';
import { submitAccessRequest } from '@/lib/accounts/identifier';
import { listPendingRequests } from '@/lib/accounts/access-requests';

const db = useTestDb();
let establishmentId = '';

beforeAll(async () => {
  await seedReference(db().prisma);
  establishmentId = (await makeRegistered(db().prisma, '0350033W')).establishment.id;
});

it('emails the managers at most 5 times in 15 minutes, and still records every request', async () => {
  for (let i = 0; i < 9; i++) {
    await submitAccessRequest(
      { uai: '0350033W', lastName: 'Nom', firstName: `Prénom${i}`, function: 'Enseignant', email: `personne${i}@ac-rennes.fr` },
      { origin: 'http://localhost:3000', ip: freshIp() },
    );
  }
  const mails = await db().prisma.outboxEmail.count({ where: { to: 'ce.0350033w@ac-rennes.fr' } });
  expect(mails).toBeLessThanOrEqual(5);
  expect(await listPendingRequests(establishmentId)).toHaveLength(9);
});
