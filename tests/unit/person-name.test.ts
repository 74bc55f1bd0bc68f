// The one rule for names typed in public forms (lib/core/text.ts): no link, no address, no markup,
// no control character — they end up in emails and pages read by others.
import { pupilSignUpInput } from '../factories/college';
import { maskAddress, personName, NAME_MESSAGE } from '@/lib/core/text';
import { acceptNewSchema, staffSignUpSchema } from '@/lib/team/schema';
import { pupilSignUpSchema } from '@/lib/classes/pupil-schema';

const schema = personName('Saisissez votre nom.');
const refusal = (v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('personName()', () => {
  it.each(['Le Goff', 'N’Diaye-Le Goff', "O'Connor", 'J.-P.', 'M. Dupont', 'Prof. d’EPS', 'St. Malo', 'Éloïse', 'de La Tour d’Auvergne', 'Nguyễn', 'Saint-Exupéry'])(
    'accepts « %s »',
    (v) => {
      expect(schema.parse(`  ${v} `)).toBe(v);
    },
  );

  it.each([
    'http://evil.example',
    'HTTPS://evil.example',
    'voir https://x.fr',
    'www.evil.example',
    'WWW.EVIL.FR',
    'evil.example/connexion',
    'bit.ly/abc',
    'evil.com',
    'clique sur evil.fr maintenant',
    'a@b',
    'Leroy <b>',
    'Leroy >',
    'Marie\u0000',
    'Marie\nURGENT',
    'Marie\tLeroy',
    'Marie\u202eLeroy',
    'Marie\u007f',
    // any top-level domain, and the dots a browser reads as dots (review: an allow-list let these through)
    'ameli-remboursement.re',
    'impots-gouv.pm',
    'evil.shop',
    'paypal.live',
    'evil。com',
    'evil．com',
    'evil%2ecom',
  ])('refuses « %s » with a French message', (v) => {
    expect(refusal(v)).toBe(NAME_MESSAGE);
  });

  it('still says when the name is missing or too long', () => {
    expect(refusal('   ')).toBe('Saisissez votre nom.');
    expect(refusal(undefined)).toBe('Saisissez votre nom.');
    expect(refusal('a'.repeat(81))).toMatch(/80 caractères/);
  });
});

describe('the forms share it', () => {
  const staff = {
    uai: '0350033W',
    lastName: 'Leroy',
    firstName: 'Marie',
    role: 'TEACHER',
    email: 'marie.leroy@ac-rennes.fr',
    password: 'Un-mot-de-passe-long',
    passwordConfirm: 'Un-mot-de-passe-long',
  };
  const pupil = pupilSignUpInput('K7MQ2P', { login: 'lea.morel' });
  const fields = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));

  it('staff sign-up, invitation acceptance and pupil sign-up refuse a link in the names', () => {
    expect(fields(staffSignUpSchema.safeParse({ ...staff, lastName: 'URGENT http://x.fr' }))).toEqual(['lastName']);
    expect(
      fields(acceptNewSchema.safeParse({ token: 'x'.repeat(20), lastName: 'Leroy', firstName: 'www.x.fr', password: staff.password, passwordConfirm: staff.password })),
    ).toEqual(['firstName']);
    expect(fields(pupilSignUpSchema.safeParse({ ...pupil, firstName: '<script>' }))).toEqual(['firstName']);
    expect(staffSignUpSchema.safeParse(staff).success).toBe(true);
  });
});

describe('maskAddress()', () => {
  it('keeps only the first letters of the mailbox', () => {
    expect(maskAddress('ce.0350033w@ac-rennes.fr')).toBe('ce.....@ac-rennes.fr');
    expect(maskAddress('direction@notre-dame.example.fr')).toBe('di.....@notre-dame.example.fr');
    expect(maskAddress('a@b.fr')).toBe('a.....@b.fr');
  });
});
