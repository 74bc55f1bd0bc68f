// Throttles must hold against concurrent requests (a burst sent at once), not only sequential ones.
import { useTestDb } from '../helpers/db';
import { freshIp } from '../factories/accounts';
import { PASSWORD, makeUser } from '../factories/people';
import { checkCredentials } from '@/lib/core/credentials';
import { requestPasswordReset } from '@/lib/accounts/passwords';

const db = useTestDb();
const noWait = { wait: () => undefined }; // the progressive delay is recorded elsewhere, not slept here

beforeAll(async () => {
  const { prisma } = db();
  await makeUser(prisma, { login: 'rafale@ac-rennes.fr' });
  await makeUser(prisma, { login: 'boite@ac-rennes.fr' });
  await makeUser(prisma, { login: 'nuee@ac-rennes.fr' });
});

describe('throttles under concurrent requests', () => {
  it('checks at most 5 passwords of one account from one client, even when 15 guesses arrive at once', async () => {
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => checkCredentials({ login: 'rafale@ac-rennes.fr', password: `faux-${i}`, ip }, noWait)));
    expect(results.filter((r) => !r.ok && r.reason === 'INVALID').length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === 'THROTTLED').length).toBeGreaterThanOrEqual(10);
    expect(await checkCredentials({ login: 'rafale@ac-rennes.fr', password: PASSWORD, ip }, noWait)).toEqual({ ok: false, reason: 'THROTTLED' });
  });

  it('checks at most 50 passwords of one account from clients it does not know, even when 60 guesses from 60 addresses arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => checkCredentials({ login: 'nuee@ac-rennes.fr', password: `faux-${i}`, ip: freshIp() }, noWait)),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'INVALID').length).toBeLessThanOrEqual(50);
    expect(results.filter((r) => !r.ok && r.reason === 'THROTTLED').length).toBeGreaterThanOrEqual(10);
    expect(await checkCredentials({ login: 'nuee@ac-rennes.fr', password: PASSWORD, ip: freshIp() }, noWait)).toEqual({ ok: false, reason: 'THROTTLED' });
  }, 240_000); // 50 real password hashes on a busy machine

  it('sends at most 5 reset emails to one address, even when 12 requests arrive at once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => requestPasswordReset({ email: 'boite@ac-rennes.fr', origin: 'http://localhost', ip: freshIp() })),
    );
    const sent = await db().prisma.outboxEmail.count({ where: { to: 'boite@ac-rennes.fr' } });
    expect(sent).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThanOrEqual(7);
  });

  it('a successful sign-in does not count against the client address', async () => {
    const ip = freshIp();
    await makeUser(db().prisma, { login: 'classe@ac-rennes.fr' });
    for (let i = 0; i < 25; i++) {
      expect((await checkCredentials({ login: 'classe@ac-rennes.fr', password: PASSWORD, ip }, noWait)).ok).toBe(true);
    }
  });
});
