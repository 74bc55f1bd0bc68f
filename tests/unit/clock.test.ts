// The app's one clock: tests and the e2e server set it; production refuses a shifted clock.
import * as clock from '@/lib/core/clock';

const g = globalThis as unknown as { __ministageClock?: unknown };
const restart = (env: Record<string, string | undefined>) => {
  const saved = { MINISTAGE_NOW: process.env.MINISTAGE_NOW, APP_ENV: process.env.APP_ENV };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  delete g.__ministageClock;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    delete g.__ministageClock;
  };
};

afterEach(() => clock.setNow(null));

describe('the clock', () => {
  it('follows the machine when nothing sets it', () => {
    const back = restart({ MINISTAGE_NOW: undefined });
    try {
      expect(Math.abs(clock.nowMs() - Date.now())).toBeLessThan(1000);
      expect(clock.isClockShifted()).toBe(false);
    } finally {
      back();
    }
  });

  it('starts at MINISTAGE_NOW and keeps running from there', () => {
    const back = restart({ MINISTAGE_NOW: '2026-08-31T10:00:00+02:00' });
    try {
      const t = clock.nowMs() - Date.parse('2026-08-31T08:00:00Z');
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThan(5000);
      expect(clock.isClockShifted()).toBe(true);
    } finally {
      back();
    }
  });

  it('refuses a MINISTAGE_NOW that is not a date, saying what to write', () => {
    const back = restart({ MINISTAGE_NOW: 'lundi prochain' });
    try {
      expect(() => clock.now()).toThrow(/n’est pas une date ISO valide.*2026-12-07T09:00:00\+01:00/);
    } finally {
      back();
    }
  });

  it('refuses MINISTAGE_NOW in production (APP_ENV)', () => {
    const back = restart({ MINISTAGE_NOW: '2026-08-31T10:00:00+02:00', APP_ENV: 'production' });
    try {
      expect(() => clock.now()).toThrow(/réservé aux tests/);
    } finally {
      back();
    }
  });

  it('can be set by a test, frozen, and given back', () => {
    clock.setNow('2027-03-10T08:00:00Z', { frozen: true });
    expect(clock.now().toISOString()).toBe('2027-03-10T08:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2027-03-10T08:00:00.000Z');
    clock.setNow(new Date('2027-03-11T08:00:00Z'));
    expect(clock.nowMs()).toBeGreaterThanOrEqual(Date.parse('2027-03-11T08:00:00Z'));
    clock.setNow(null);
    expect(clock.isClockShifted()).toBe(false);
  });
});
