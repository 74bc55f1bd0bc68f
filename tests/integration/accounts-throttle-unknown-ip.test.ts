import { useTestDb } from '../helpers/db';
import { PASSWORD, makeUser } from '../factories/accounts';
import { checkCredentials } from '@/lib/accounts/credentials';
import { throttleMail } from '@/lib/accounts/throttle';

const db = useTestDb();

describe('throttling when the client address is unknown (no reverse proxy)', () => {
  it('does not let failures on other accounts lock everybody out', async () => {
    await makeUser(db().prisma, { login: 'prof@ac-rennes.fr' });
    for (let i = 0; i < 25; i++) {
      expect(await checkCredentials({ login: `inconnu${i}@ac-rennes.fr`, password: 'faux-mot-de-passe', ip: 'unknown' })).toEqual({ ok: false, reason: 'INVALID' });
    }
    expect((await checkCredentials({ login: 'prof@ac-rennes.fr', password: PASSWORD, ip: 'unknown' })).ok).toBe(true);
  });

  it('still limits each account: 5 failures block it for 15 minutes', async () => {
    await makeUser(db().prisma, { login: 'cible@ac-rennes.fr' });
    for (let i = 0; i < 5; i++) await checkCredentials({ login: 'cible@ac-rennes.fr', password: 'faux', ip: 'unknown' });
    expect(await checkCredentials({ login: 'cible@ac-rennes.fr', password: PASSWORD, ip: 'unknown' })).toEqual({ ok: false, reason: 'THROTTLED' });
  });

  it('limits email-sending forms per target address only', async () => {
    for (let i = 0; i < 30; i++) expect(await throttleMail('reset', `personne${i}@ac-rennes.fr`, 'unknown')).toBe(false);
    for (let i = 0; i < 5; i++) expect(await throttleMail('reset', 'une@ac-rennes.fr', 'unknown')).toBe(false);
    expect(await throttleMail('reset', 'une@ac-rennes.fr', 'unknown')).toBe(true);
  });
});
