// The public « reset password » action must not run the slow, memory-hungry password hash for a
// link that is not valid: otherwise anyone can make the server hash at will with made-up links.
const hashes = { count: 0 };
jest.mock('@/lib/core/password', () => {
  const actual = jest.requireActual('@/lib/core/password');
  return {
    ...actual,
    hashPassword: async (pw: string) => {
      hashes.count++;
      return actual.hashPassword(pw);
    },
  };
});

import { useTestDb } from '../helpers/db';
import { makeUser } from '../factories/people';
import { resetPassword } from '@/lib/accounts/passwords';
import { issueLink } from '@/lib/core/links';

const db = useTestDb();

it('refuses an unknown, used or expired link without hashing the new password', async () => {
  const { prisma } = db();
  const user = await makeUser(prisma, { login: 'cout@ac-rennes.fr' });
  const expired = (await prisma.$transaction((tx) => issueLink(tx, { purpose: 'password-reset', userId: user.id, ttlMinutes: -1 }))).raw;
  hashes.count = 0;
  await expect(resetPassword({ token: 'x'.repeat(43), password: 'Nouveau-mot-de-passe-2026' })).rejects.toMatchObject({ code: 'VALIDATION' });
  await expect(resetPassword({ token: expired, password: 'Nouveau-mot-de-passe-2026' })).rejects.toMatchObject({ code: 'EXPIRED' });
  expect(hashes.count).toBe(0);
  const valid = (await prisma.$transaction((tx) => issueLink(tx, { purpose: 'password-reset', userId: user.id, ttlMinutes: 60 }))).raw;
  await expect(resetPassword({ token: valid, password: 'Nouveau-mot-de-passe-2026' })).resolves.toEqual({ login: 'cout@ac-rennes.fr' });
  expect(hashes.count).toBe(1);
  await expect(resetPassword({ token: valid, password: 'Encore-un-mot-de-passe-26' })).rejects.toMatchObject({ code: 'VALIDATION' });
  expect(hashes.count).toBe(1);
});
