// A production server (APP_ENV=production) must know which hop of X-Forwarded-For is the client:
// without it every visitor is « unknown » and no per-client limit holds. The server refuses to
// start then (npm start and `next start` through instrumentation.ts); elsewhere nothing changes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ipFromHeaders, serverStartProblem, trustedProxyHops } from '@/lib/core/client-ip';

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['APP_ENV', 'TRUSTED_PROXY', 'NEXT_RUNTIME', 'OUTBOX_WORKER']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  jest.restoreAllMocks();
});

describe('TRUSTED_PROXY: how many reverse proxies append the client address', () => {
  it('is a small whole number; anything else means « not set »', () => {
    expect(trustedProxyHops(undefined)).toBeNull();
    expect(trustedProxyHops('')).toBeNull();
    expect(trustedProxyHops('1')).toBe(1);
    expect(trustedProxyHops(' 2 ')).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'oui', 'true', '99']) expect(trustedProxyHops(bad)).toBeNull();
  });

  it('with one proxy, the client is the last hop (the one the proxy appended)', () => {
    expect(ipFromHeaders('6.6.6.6, 203.0.113.7', null, 1)).toBe('203.0.113.7');
  });

  it('with two proxies (e.g. a CDN then nginx), the client is the second hop from the end, whatever the client wrote before it', () => {
    expect(ipFromHeaders('6.6.6.6, 198.51.100.2, 203.0.113.7', null, 2)).toBe('198.51.100.2');
    expect(ipFromHeaders('1.1.1.1, 6.6.6.6, 198.51.100.2, 203.0.113.7', null, 2)).toBe('198.51.100.2');
    expect(ipFromHeaders('198.51.100.2', null, 2)).toBe('198.51.100.2'); // fewer hops: the first one is a proxy's
  });

  it('is read from the environment when not given', () => {
    process.env.TRUSTED_PROXY = '2';
    expect(ipFromHeaders('6.6.6.6, 198.51.100.2, 203.0.113.7', null)).toBe('198.51.100.2');
    delete process.env.TRUSTED_PROXY;
    expect(ipFromHeaders('6.6.6.6, 198.51.100.2, 203.0.113.7', null)).toBe('203.0.113.7'); // as before: the last hop
  });
});

describe('what must be set before a server starts', () => {
  it('in production (APP_ENV=production) without TRUSTED_PROXY: refused, with what to do', () => {
    const problem = serverStartProblem({ APP_ENV: 'production' });
    expect(problem).toMatch(/TRUSTED_PROXY=1/);
    expect(problem).toMatch(/APP_ENV=production/);
    expect(problem).toMatch(/[.]$/);
  });

  it('in production with TRUSTED_PROXY=1: fine', () => {
    expect(serverStartProblem({ APP_ENV: 'production', TRUSTED_PROXY: '1' })).toBeNull();
    expect(serverStartProblem({ APP_ENV: 'production', TRUSTED_PROXY: '1', MINISTAGE_NOW: '2026-08-31T10:00:00+02:00' })).toMatch(/MINISTAGE_NOW.*Retirez/);
    expect(serverStartProblem({ TRUSTED_PROXY: '1', MINISTAGE_NOW: '2026-08-31T10:00:00+02:00' })).toBeNull();
  });

  it('outside production (a newcomer’s npm start, which `next start` runs with NODE_ENV=production): fine without a proxy', () => {
    expect(serverStartProblem({})).toBeNull();
    expect(serverStartProblem({ NODE_ENV: 'production' })).toBeNull();
  });

  it('a TRUSTED_PROXY that is not a number of proxies is refused everywhere (a typo must not pass silently)', () => {
    expect(serverStartProblem({ TRUSTED_PROXY: 'oui' })).toMatch(/TRUSTED_PROXY/);
    expect(serverStartProblem({ APP_ENV: 'production', TRUSTED_PROXY: '0' })).toMatch(/TRUSTED_PROXY/);
  });
});

describe('`next start` (instrumentation.ts register)', () => {
  const exitCalls = () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    return { exit, error };
  };

  it('stops the server, with a French message, in production without TRUSTED_PROXY', async () => {
    Object.assign(process.env, { APP_ENV: 'production', NEXT_RUNTIME: 'nodejs', OUTBOX_WORKER: 'off' });
    delete process.env.TRUSTED_PROXY;
    const { exit, error } = exitCalls();
    const { register } = await import('@/instrumentation');
    await expect(register()).rejects.toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls.flat().join(' ')).toMatch(/TRUSTED_PROXY=1/);
  });

  it('starts in production with TRUSTED_PROXY=1, and outside production without it', async () => {
    const { exit } = exitCalls();
    const { register } = await import('@/instrumentation');
    Object.assign(process.env, { APP_ENV: 'production', TRUSTED_PROXY: '1', NEXT_RUNTIME: 'nodejs', OUTBOX_WORKER: 'off' });
    await register();
    delete process.env.APP_ENV;
    delete process.env.TRUSTED_PROXY;
    await register();
    expect(exit).not.toHaveBeenCalled();
  });
});

describe('npm start (scripts/start.ts)', () => {
  it('exits non-zero with the French message, before building or opening anything, in production without TRUSTED_PROXY', () => {
    const root = process.cwd();
    const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/start.ts')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        APP_ENV: 'production',
        TRUSTED_PROXY: '',
        NODE_OPTIONS: '',
        DATABASE_URL: 'pglite:memory',
        NEXTAUTH_SECRET: 'test-secret-not-for-production-0123456789',
        PORT: '1',
      },
    });
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull(); // it ended by itself, not by the timeout
    expect(run.stderr).toMatch(/TRUSTED_PROXY=1/);
    expect(run.stdout).not.toMatch(/Base de données|Migrations/);
  }, 60_000);
});
