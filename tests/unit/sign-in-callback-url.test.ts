// After signing in, the browser goes back to `callbackUrl` (both /connexion pages, SignInForm):
// only to a path of the same origin, resolved the way a browser resolves it (lib/core/origin safeCallbackUrl).
import { safeCallbackUrl } from '@/lib/core/origin';

const ORIGIN = 'http://localhost:3000';

/** Where a browser would actually go when given the returned value as a location. */
const landsOn = (value: string) => new URL(value, ORIGIN).origin;

describe('the page after sign-in (callbackUrl)', () => {
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
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/x',
    'javascript:alert(1)',
  ])('never sends the browser to another site (%j)', (raw) => {
    expect(landsOn(safeCallbackUrl(raw, ORIGIN))).toBe(ORIGIN);
  });

  it('keeps a same-origin path, its query and its fragment', () => {
    expect(safeCallbackUrl('/mon-compte', ORIGIN)).toBe('/mon-compte');
    expect(safeCallbackUrl('/mon-compte?x=1#a', ORIGIN)).toBe('/mon-compte?x=1#a');
    expect(safeCallbackUrl('http://localhost:3000/etablissement/demandes', ORIGIN)).toBe('/etablissement/demandes');
    expect(safeCallbackUrl('http://localhost:3000/operateur?x=1', ORIGIN)).toBe('/operateur?x=1');
    expect(safeCallbackUrl('HTTP://LOCALHOST:3000/x', ORIGIN)).toBe('/x');
  });

  it('resolves the path as a browser does (dot segments, doubled slashes, relative paths, spaces)', () => {
    const cases: [string, string][] = [
      ['/.//evil.example', '/evil.example'],
      ['http://localhost:3000//evil.example', '/evil.example'],
      ['/%2F/evil.example', '/%2F/evil.example'],
      ['relative/path', '/relative/path'],
      ['../../x', '/x'],
      ['/a b/é', '/a%20b/%C3%A9'],
      ['?x=1', '/?x=1'],
      ['#frag', '/#frag'],
    ];
    for (const [raw, path] of cases) expect({ raw, path: safeCallbackUrl(raw, ORIGIN) }).toEqual({ raw, path });
  });

  it('falls back to the home page for another origin or nothing', () => {
    for (const raw of [
      'https://evil.example/x',
      '//evil.example',
      '//evil.example/',
      '/\\evil.example',
      'http://localhost:3001/x',
      'javascript:alert(1)',
      '',
      null,
      undefined,
    ])
      expect(safeCallbackUrl(raw, ORIGIN)).toBe('/');
    // On a platform, a portal address is another origin.
    expect(safeCallbackUrl('http://localhost:3000/etablissement/demandes', 'https://demo.localhost')).toBe('/');
    expect(safeCallbackUrl('/mon-compte', 'https://demo.localhost')).toBe('/mon-compte');
  });
});
