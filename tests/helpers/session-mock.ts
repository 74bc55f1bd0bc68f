// Integration tests call server actions as a given person on a given host, with the real
// database: only the Next.js request context (cookie session, headers, cache) is replaced.
//   jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
//   jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
//   actAs(userId, 'demo.localhost');
import { loadActor, type Actor } from '@/lib/core/actor';

const state: { userId: string | null; host: string } = { userId: null, host: 'localhost' };

/** Sets the person (null: anonymous) and the host for the next actions. */
export function actAs(userId: string | null, host = 'localhost') {
  state.userId = userId;
  state.host = host;
}

export const revalidated: string[] = [];

export const sessionModule = {
  getActor: (): Promise<Actor> => loadActor({ userId: state.userId, host: state.host }),
  getCurrentUser: async () => (await loadActor({ userId: state.userId, host: state.host })).user,
  requestOrigin: async () => `http://${state.host}`,
  portalOrigin: async () => 'http://localhost',
  sessionRestart: async () => null,
};

export const cacheModule = {
  revalidatePath: (p: string) => void revalidated.push(p),
  revalidateTag: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
};
