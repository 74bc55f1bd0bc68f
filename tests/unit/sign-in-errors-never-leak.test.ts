// A failure while checking credentials (database down, driver error) must not reach the browser:
// next-auth puts the thrown message in the sign-in answer's URL.
jest.mock('@/lib/core/credentials', () => ({
  checkCredentials: async () => {
    throw new Error('Invalid `prisma.user.findFirst()` invocation: cannot reach postgres://ministage:s3cret@db.internal:5432/app');
  },
}));
jest.mock('@auth/prisma-adapter', () => ({ PrismaAdapter: () => ({}) }));

import { authOptions } from '@/lib/core/auth';
import { SIGN_IN_MESSAGES } from '@/lib/core/sign-in-messages';

type Authorize = (creds: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

it('answers a short known code, with a French message, when the check itself fails', async () => {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
  const error = await provider.options.authorize({ email: 'ce.0350033w@ac-rennes.fr', password: 'Un-mot-de-passe-2026', remember: 'false' }, { headers: {} }).then(
    () => null,
    (e: Error) => e,
  );
  spy.mockRestore();
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toMatch(/prisma|postgres|s3cret/i);
  expect(Object.keys(SIGN_IN_MESSAGES)).toContain((error as Error).message);
});
