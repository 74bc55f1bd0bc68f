import { ipFromHeaders } from '@/lib/core/client-ip';

describe('the client address used by the throttles', () => {
  it('is the hop added by the reverse proxy (the last one), not the first one the client may have written', () => {
    expect(ipFromHeaders('6.6.6.6, 203.0.113.7', null)).toBe('203.0.113.7');
    expect(ipFromHeaders('1.1.1.1, 2.2.2.2,  203.0.113.7 ', null)).toBe('203.0.113.7');
  });

  it('uses a lone X-Forwarded-For, then X-Real-IP, then “unknown”', () => {
    expect(ipFromHeaders('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(ipFromHeaders(null, '198.51.100.1')).toBe('198.51.100.1');
    expect(ipFromHeaders(['203.0.113.9'], undefined)).toBe('203.0.113.9');
    expect(ipFromHeaders(' , ', null)).toBe('unknown');
    expect(ipFromHeaders(undefined, null)).toBe('unknown');
  });

  it('never keeps an overlong value (a throttle key stays short)', () => {
    expect(ipFromHeaders(`1.2.3.4, ${'x'.repeat(5000)}`, null).length).toBeLessThanOrEqual(64);
  });
});
