// The demo holds an operator and principals whose password is printed in the README: a production
// database (APP_ENV=production) never gets it unless the operator asks for it with SEED_DEMO=on.
// A newcomer's plain `npm start` (NODE_ENV=production set by `next start`, no APP_ENV) still does.
import { useTestDb } from '../helpers/db';
import { DEMO_LOGINS, demoSeedDecision, loadDemoIfEmpty, seedDemo } from '@/prisma/seed';

const db = useTestDb();

const saved = { APP_ENV: process.env.APP_ENV, SEED_DEMO: process.env.SEED_DEMO };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const demoUsers = () => db().prisma.user.count({ where: { login: { in: DEMO_LOGINS.map((l) => l.login) } } });

/** demoSeedDecision() as it reads the environment (env.isProduction, SEED_DEMO). */
function decide(vars: Record<string, string>) {
  const keys = ['APP_ENV', 'SEED_DEMO', 'NODE_ENV'] as const;
  const before = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) delete (process.env as Record<string, string | undefined>)[k];
  Object.assign(process.env, vars);
  try {
    return demoSeedDecision();
  } finally {
    for (const k of keys) {
      if (before[k] === undefined) delete (process.env as Record<string, string | undefined>)[k];
      else (process.env as Record<string, string | undefined>)[k] = before[k];
    }
  }
}

describe('what npm start decides about the demo', () => {
  it('loads it outside production, even when NODE_ENV=production (next start sets it by itself)', () => {
    expect(decide({})).toBe('load');
    expect(decide({ NODE_ENV: 'production' })).toBe('load');
    expect(decide({ SEED_DEMO: 'on' })).toBe('load');
  });

  it('does not load it with SEED_DEMO=off', () => {
    expect(decide({ SEED_DEMO: 'off' })).toBe('off');
    expect(decide({ APP_ENV: 'production', SEED_DEMO: 'off' })).toBe('off');
  });

  it('refuses it in production, unless SEED_DEMO=on is given explicitly', () => {
    expect(decide({ APP_ENV: 'production' })).toBe('refused');
    expect(decide({ APP_ENV: 'production', SEED_DEMO: 'yes' })).toBe('refused');
    expect(decide({ APP_ENV: 'production', SEED_DEMO: 'on' })).toBe('load');
  });
});

describe('a production database', () => {
  it('npm start starts it empty, and says why and what to do', async () => {
    process.env.APP_ENV = 'production';
    delete process.env.SEED_DEMO;
    const lines: string[] = [];
    expect(await loadDemoIfEmpty(db().prisma, { log: (s) => lines.push(s) })).toBe('refused');
    expect(await demoUsers()).toBe(0);
    expect(await db().prisma.site.count()).toBe(0);
    expect(lines.join('\n')).toMatch(/APP_ENV=production/);
    expect(lines.join('\n')).toMatch(/SEED_DEMO=on/);
  });

  it('npm run db:seed (seedDemo) refuses, before writing anything, with a French message saying what to do', async () => {
    process.env.APP_ENV = 'production';
    delete process.env.SEED_DEMO;
    await expect(seedDemo(db().prisma, { stages: 1, log: () => {} })).rejects.toThrow(/SEED_DEMO=on/);
    expect(await demoUsers()).toBe(0);
    expect(await db().prisma.establishment.count()).toBe(0); // not even the annuaire extract
  });
});

describe('outside production, and in production with SEED_DEMO=on', () => {
  it('an empty database gets the demo (the newcomer’s npm start)', async () => {
    delete process.env.APP_ENV;
    delete process.env.SEED_DEMO;
    expect(await loadDemoIfEmpty(db().prisma, { stages: 1, log: () => {} })).toBe('loaded');
    expect(await demoUsers()).toBe(DEMO_LOGINS.length);
  }, 120_000);

  it('SEED_DEMO=on is obeyed in production (a test server); a database that has data is left alone', async () => {
    process.env.APP_ENV = 'production';
    process.env.SEED_DEMO = 'on';
    await expect(seedDemo(db().prisma, { stages: 1, log: () => {} })).resolves.toBeUndefined();
    expect(await loadDemoIfEmpty(db().prisma, { log: () => {} })).toBe('not-empty');
  }, 120_000);

  it('a production database that already holds the demo accounts gets a warning at every start', async () => {
    process.env.APP_ENV = 'production';
    delete process.env.SEED_DEMO;
    const lines: string[] = [];
    expect(await loadDemoIfEmpty(db().prisma, { log: (s) => lines.push(s) })).toBe('not-empty');
    expect(lines.join('\n')).toMatch(/démonstration/);
    expect(lines.join('\n')).toMatch(/mot de passe/);
  });
});
