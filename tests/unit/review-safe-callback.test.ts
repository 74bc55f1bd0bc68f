import { safeCallbackUrl } from '@/components/accounts/safe-callback';

const ORIGIN = 'http://localhost:3000';

/** Where a browser would actually go when given the returned value as a location. */
const landsOn = (value: string) => new URL(value, ORIGIN).origin;

describe('safeCallbackUrl (after sign-in)', () => {
  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/.//evil.example',
    'http://localhost:3000//evil.example',
    'http://localhost:3000/.//evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/%2F/evil.example',
  ])('never sends the browser to another site (%j)', (raw) => {
    expect(landsOn(safeCallbackUrl(raw, ORIGIN))).toBe(ORIGIN);
  });

  it('keeps a same-origin path, its query and its fragment', () => {
    expect(safeCallbackUrl('/mon-compte?x=1#a', ORIGIN)).toBe('/mon-compte?x=1#a');
    expect(safeCallbackUrl('http://localhost:3000/etablissement/demandes', ORIGIN)).toBe('/etablissement/demandes');
  });

  it('falls back to the home page for another origin or nothing', () => {
    expect(safeCallbackUrl('https://evil.example/x', ORIGIN)).toBe('/');
    expect(safeCallbackUrl('//evil.example', ORIGIN)).toBe('/');
    expect(safeCallbackUrl(undefined, ORIGIN)).toBe('/');
  });
});
