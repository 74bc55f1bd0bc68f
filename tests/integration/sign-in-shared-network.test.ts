// Two ways a stranger could still stop the owner (found in review): many made-up logins from the
// school's one shared address, and the owner's own sign-out handing the guesser fresh attempts.
import { useTestDb } from '../helpers/db';
import { freshIp } from '../factories/accounts';
import { PASSWORD, makeUser } from '../factories/people';
import { checkCredentials } from '@/lib/core/credentials';
import { setNow } from '@/lib/core/clock';

const db = useTestDb();
beforeEach(() => setNow(new Date('2031-03-10T08:00:00Z'), { frozen: true }));
afterAll(() => setNow(null));

const outcome = async (login: string, password: string, ip: string) => {
  const result = await checkCredentials({ login, password, ip }, { wait: () => undefined });
  return result.ok ? 'OK' : result.reason;
};

describe('a shared school address', () => {
  it('guesses on made-up logins from it do not block the staff who usually sign in from there', async () => {
    const teacher = await makeUser(db().prisma, { login: 'prof.partage@ac-rennes.fr' });
    const school = freshIp();
    expect(await outcome(teacher.login, PASSWORD, school)).toBe('OK'); // a usual client from now on
    for (let i = 0; i < 25; i++) await outcome(`invente.${i}@ac-rennes.fr`, 'mauvais-mot-de-passe', school);
    expect(await outcome(`invente.99@ac-rennes.fr`, 'mauvais-mot-de-passe', school)).toBe('THROTTLED'); // the address is stopped for strangers
    expect(await outcome(teacher.login, PASSWORD, school)).toBe('OK'); // not for the teacher who signs in from it
  });
});

describe('signing out', () => {
  it('does not give a guesser fresh attempts on the account', async () => {
    const owner = await makeUser(db().prisma, { login: 'principal.deconnecte@ac-rennes.fr' });
    const attacker = freshIp();
    for (let i = 0; i < 5; i++) await outcome(owner.login, 'mauvais-mot-de-passe', attacker);
    expect(await outcome(owner.login, 'mauvais-mot-de-passe', attacker)).toBe('THROTTLED');
    await db().prisma.user.update({ where: { id: owner.id }, data: { sessionVersion: { increment: 1 } } }); // what sign-out does
    expect(await outcome(owner.login, PASSWORD, attacker)).toBe('THROTTLED');
  });
});
