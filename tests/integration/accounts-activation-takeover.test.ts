jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { freshIp, lastLink, seedReference } from '../factories/accounts';
import { PASSWORD, makeEstablishment } from '../factories/people';
import { actAs } from '../helpers/session-mock';
import { activateWithPassword } from '@/lib/accounts/activation';
import { activateAccountAction } from '@/lib/accounts/actions';
import { registerEstablishment } from '@/lib/accounts/registration';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/passwords';
import { checkCredentials } from '@/lib/core/credentials';

const db = useTestDb();
const origin = 'http://localhost:3000';
const LOGIN = 'ce.0351847t@ac-rennes.fr';
const INTRUDER_PASSWORD = 'mot-de-passe-de-l-intrus';

beforeAll(async () => {
  await seedReference(db().prisma);
  await makeEstablishment(db().prisma, { uai: '0351847T', name: 'Collège Georges Brassens' });
  // Someone who does not read the school's mailbox registers the collège with a password of their own.
  await registerEstablishment(
    {
      uai: '0351847T',
      civility: 'M.',
      lastName: 'Intrus',
      firstName: 'Ivan',
      function: "Chef d'établissement",
      password: INTRUDER_PASSWORD,
      passwordConfirm: INTRUDER_PASSWORD,
    },
    { origin, ip: freshIp() },
  );
});

describe('activation needs the link and the password chosen at registration', () => {
  it('refuses the principal who clicks the link without knowing that password, and keeps the link usable', async () => {
    const raw = await lastLink(db().prisma, LOGIN, '/activation/');
    expect(await activateWithPassword({ raw, password: PASSWORD })).toMatchObject({ ok: false, reason: 'WRONG_PASSWORD' });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { login: LOGIN } });
    expect(user.status).toBe('PENDING_ACTIVATION');
    expect(await db().prisma.establishment.findUniqueOrThrow({ where: { uai: '0351847T' } })).toMatchObject({ registeredAt: null });
  });

  it('says so in French through the action, and asks for the password when it is missing', async () => {
    actAs(null);
    const raw = await lastLink(db().prisma, LOGIN, '/activation/');
    const missing = await activateAccountAction({ token: raw });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: [expect.stringMatching(/mot de passe choisi/)] } } });
    const wrong = await activateAccountAction({ token: raw, password: 'pas le bon' });
    expect(wrong).toMatchObject({ ok: true, data: { ok: false, reason: 'WRONG_PASSWORD' } });
  });

  it('lets the real principal take the account through « Mot de passe oublié ? », which activates it with their own password', async () => {
    await requestPasswordReset({ email: LOGIN, origin, ip: freshIp() });
    const raw = await lastLink(db().prisma, LOGIN, '/reinitialisation/');
    await resetPassword({ token: raw, password: PASSWORD });
    expect((await checkCredentials({ login: LOGIN, password: PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect((await checkCredentials({ login: LOGIN, password: INTRUDER_PASSWORD, ip: freshIp() })).ok).toBe(false);
  });

  it('activates with the right password', async () => {
    const { prisma } = db();
    await makeEstablishment(prisma, { uai: '0352260S', name: 'Collège François Truffaut' });
    await registerEstablishment(
      { uai: '0352260S', civility: 'Mme', lastName: 'Roux', firstName: 'Anne', function: "Chef d'établissement", password: PASSWORD, passwordConfirm: PASSWORD },
      { origin, ip: freshIp() },
    );
    const raw = await lastLink(prisma, 'ce.0352260s@ac-rennes.fr', '/activation/');
    expect(await activateWithPassword({ raw, password: PASSWORD })).toMatchObject({ ok: true, managerOf: [expect.stringContaining('Truffaut')] });
  });

  it('stops guessing the password on one link after 5 tries', async () => {
    const { prisma } = db();
    await makeEstablishment(prisma, { uai: '0351881E', name: 'Collège Noël du Fail' });
    await registerEstablishment(
      { uai: '0351881E', civility: 'M.', lastName: 'Le Gall', firstName: 'Yves', function: "Chef d'établissement", password: PASSWORD, passwordConfirm: PASSWORD },
      { origin, ip: freshIp() },
    );
    const raw = await lastLink(prisma, 'ce.0351881e@ac-rennes.fr', '/activation/');
    for (let i = 0; i < 5; i++) expect(await activateWithPassword({ raw, password: `essai-${i}` })).toMatchObject({ reason: 'WRONG_PASSWORD' });
    expect(await activateWithPassword({ raw, password: PASSWORD })).toMatchObject({ ok: false, reason: 'THROTTLED' });
  });
});
