// What the fuzz files replace, and only that:
// - next/headers: the request's headers and cookies (set per input; the client address varies so that
//   the per-client throttles do not turn every later input into « patientez »);
// - lib/core/password: the scrypt cost only (N = 16 instead of 32 768). The same code and format:
//   verifyPassword reads the cost from the stored hash. Thousands of sign-up attempts would otherwise
//   hash for minutes.
//   jest.mock('next/headers', () => jest.requireActual('../helpers/fuzz/mocks').headersModule);
//   jest.mock('@/lib/core/password', () => jest.requireActual('../helpers/fuzz/mocks').passwordModule);
// - lib/core/throttle: the growing wait before a password check only (sleep); the counting is real.
import { randomBytes, scryptSync } from 'node:crypto';

export const request: { headers: Record<string, string>; cookies: Map<string, string> } = { headers: {}, cookies: new Map() };

let n = 0;
/** A new client address for the next request (and a Host). */
export function freshRequest(host: string, extra: Record<string, string> = {}): void {
  n++;
  request.headers = { host, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, 'user-agent': 'fuzz', ...extra };
  request.cookies = new Map();
}

export const headersModule = {
  headers: async () => new Headers(request.headers),
  cookies: async () => ({
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    has: (name: string) => request.cookies.has(name),
  }),
};

const real = jest.requireActual('@/lib/core/password') as typeof import('@/lib/core/password');
const COST = { N: 16, r: 1, p: 1 };
function fastHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}
let dummy: string | undefined;
export const passwordModule = {
  ...real,
  hashPassword: async (password: string) => fastHash(password),
  dummyPasswordHash: async () => (dummy ??= fastHash('ministage-dummy-password')),
};

/** lib/core/throttle: the counting is real; only the growing wait before a password check does not sleep. */
export const throttleModule = { ...(jest.requireActual('@/lib/core/throttle') as object), sleep: async () => undefined };
