// Integration tests call server actions as a given person on a given host, with the real
// database: only the Next.js request context (cookie session, headers, cache) is replaced.
//   jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
//   jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
//   actAs(userId, 'demo.localhost');
import { loadActor, type Actor } from '@/lib/core/actor';
import { env } from '@/lib/core/env';

const state: { userId: string | null; host: string; acted: boolean } = { userId: null, host: 'localhost', acted: false };

/** Sets the person (null: anonymous) and the host for the next actions. */
export function actAs(userId: string | null, host = 'localhost') {
  state.userId = userId;
  state.host = host;
}

/** The next requests carry the « just acted » cookie (lib/core/acted.ts), or not. */
export function carryActedCookie(on: boolean) {
  state.acted = on;
}

export const revalidated: string[] = [];

export const sessionModule = {
  getActor: (): Promise<Actor> => loadActor({ userId: state.userId, host: state.host }),
  getCurrentUser: async () => (await loadActor({ userId: state.userId, host: state.host })).user,
  requestOrigin: async () => `http://${state.host}`,
  portalOrigin: async () => 'http://localhost',
  sessionRestart: async () => null,
  // As lib/core/session.ts: the cookie counts for a signed-in person only, when reads are shared.
  freshReads: async () => env.sharedReadMs > 0 && state.acted && !!(await loadActor({ userId: state.userId, host: state.host })).user,
};

export const cacheModule = {
  revalidatePath: (p: string) => void revalidated.push(p),
  revalidateTag: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
};
