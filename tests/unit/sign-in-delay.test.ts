// The progressive delay before a password check of an account under attack: a pure function of the
// number of failures already counted on the account, so that no test needs to measure time.
import { DELAY_MAX_MS, delayFor } from '@/lib/core/throttle';

describe('the wait before checking a password of an account that keeps failing', () => {
  it('is nothing for the first few failures (a person who mistypes is not slowed down)', () => {
    expect([0, 1, 2].map(delayFor)).toEqual([0, 0, 0]);
  });

  it('then grows with every failure', () => {
    const waits = Array.from({ length: 10 }, (_, i) => delayFor(i + 3));
    expect(waits[0]).toBeGreaterThan(0);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(waits.at(-1)).toBeGreaterThan(waits[0]);
  });

  it('never exceeds a few seconds, however many failures', () => {
    expect(DELAY_MAX_MS).toBeLessThanOrEqual(5_000);
    for (const n of [10, 49, 50, 1_000, 1e9, Number.MAX_SAFE_INTEGER]) expect(delayFor(n)).toBe(DELAY_MAX_MS);
  });

  it('is nothing for a nonsensical count', () => {
    for (const n of [-1, Number.NaN, -Infinity]) expect(delayFor(n)).toBe(0);
  });
});
