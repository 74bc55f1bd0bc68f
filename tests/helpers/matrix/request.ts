// The request context of the matrix: the person (tests/helpers/session-mock.ts) and the Host header,
// also seen by next/headers (client address, origins, the handshake's routes). Used by
//   jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/matrix/request').sessionModule);
//   jest.mock('next/headers', () => jest.requireActual('../helpers/matrix/request').headersModule);
import { actAs, sessionModule as base } from '../session-mock';
import { loadActor } from '@/lib/core/actor';

const state = { userId: null as string | null, host: 'localhost', cookies: new Map<string, string>() };

/** The next calls are made by `userId` (null: anonymous) on `host`, from a client address of its own. */
export function request(userId: string | null, host: string) {
  actAs(userId, host);
  state.userId = userId;
  state.host = host;
  state.cookies = new Map();
}

export const headersModule = {
  headers: async () => new Headers({ host: state.host, 'x-forwarded-for': '203.0.113.7', 'user-agent': 'matrix' }),
  cookies: async () => ({
    getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    has: (name: string) => state.cookies.has(name),
    set: () => undefined,
    delete: () => undefined,
  }),
  draftMode: async () => ({ isEnabled: false }),
};

export const sessionModule = {
  ...base,
  /** The portal's session as the handshake hands it on: the signed-in person on the portal, none elsewhere. */
  currentPortalSession: async () => {
    if (!state.userId) return null;
    const actor = await loadActor({ userId: state.userId, host: state.host });
    return actor.user ? { userId: actor.user.id, sessionVersion: 0, remember: false, loginAt: Math.floor(Date.now() / 1000) } : null;
  },
  originOfHost: async (siteHost: string) => `http://${siteHost}`,
};
