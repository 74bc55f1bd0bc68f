import { pupilSignUpInput } from '../factories/college';
import { classFormSchema, guardianSchema, movePupilsSchema } from '@/lib/classes/schema';
import { ageOn, parseDay, pupilSignUpSchema } from '@/lib/classes/pupil-schema';
import { staffSignUpSchema } from '@/lib/team/schema';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('the class form', () => {
  it('trims and collapses spaces in the name', () => {
    expect(classFormSchema.parse({ name: '  3e   B ', level: '3e' })).toEqual({ name: '3e B', level: '3e' });
  });

  it('parses its own output again to the same value (the server re-parses what the form sends)', () => {
    const once = classFormSchema.parse({ name: ' 4e  A', level: '4e' });
    expect(classFormSchema.parse(once)).toEqual(once);
  });

  it('refuses an empty name, a long name and an unknown filière, in French', () => {
    expect(messages(classFormSchema.safeParse({ name: '   ', level: '3e' }))).toEqual({ name: expect.stringMatching(/Saisissez le nom/) });
    expect(messages(classFormSchema.safeParse({ name: 'x'.repeat(31), level: '3e' }))).toEqual({ name: expect.stringMatching(/30 caractères/) });
    expect(messages(classFormSchema.safeParse({ name: '3e A', level: 'Terminale' }))).toEqual({ level: expect.stringMatching(/Choisissez la filière/) });
  });
});

describe('guardians', () => {
  it('accepts an empty entry (nothing to store)', () => {
    expect(guardianSchema.safeParse({ lastName: '', firstName: '', email: '', phone: '' }).success).toBe(true);
  });

  it('needs a name and a way to reach a guardian once something is typed', () => {
    expect(messages(guardianSchema.safeParse({ lastName: 'Morel', firstName: '', email: '', phone: '' }))).toEqual({
      firstName: expect.any(String),
      email: expect.stringMatching(/email ou un numéro/),
    });
    expect(messages(guardianSchema.safeParse({ lastName: 'Morel', firstName: 'Sophie', email: '', phone: '12' }))).toEqual({
      phone: expect.stringMatching(/non valide/),
    });
    expect(guardianSchema.safeParse({ lastName: 'Morel', firstName: 'Sophie', email: '', phone: '06.12.34.56.78' }).success).toBe(true);
  });
});

describe('moves', () => {
  it('needs at least one pupil', () => {
    expect(movePupilsSchema.safeParse({ moves: [] }).success).toBe(false);
  });
});

describe('the pupil sign-up form', () => {
  const base = pupilSignUpInput('K7MQ2P', { login: 'lea.morel' });

  it('accepts a login-only pupil with a code', () => {
    expect(pupilSignUpSchema.safeParse(base).success).toBe(true);
  });

  it('refuses logins with accents, spaces or an @, and a too-short password', () => {
    for (const login of ['léa', 'lea morel', 'lea@x', 'l']) {
      expect(messages(pupilSignUpSchema.safeParse({ ...base, login }))).toHaveProperty('login');
    }
    expect(messages(pupilSignUpSchema.safeParse({ ...base, password: 'court', passwordConfirm: 'court' }))).toHaveProperty('password');
  });

  it('refuses an impossible or implausible birth date', () => {
    expect(parseDay('2012-02-30')).toBeNull();
    expect(messages(pupilSignUpSchema.safeParse({ ...base, birthDate: '2012-02-30' }))).toHaveProperty('birthDate');
    expect(messages(pupilSignUpSchema.safeParse({ ...base, birthDate: '1980-01-01' }))).toHaveProperty('birthDate');
    expect(ageOn(new Date('2012-05-04'), new Date('2026-05-03'))).toBe(13);
    expect(ageOn(new Date('2012-05-04'), new Date('2026-05-04'))).toBe(14);
  });

  it('needs an email when the pupil chose « adresse email »', () => {
    expect(messages(pupilSignUpSchema.safeParse({ ...base, accountKind: 'email', email: 'pas-une-adresse' }))).toHaveProperty('email');
  });
});

describe('the staff sign-up form', () => {
  const base = {
    uai: '0352274G',
    lastName: 'Leroy',
    firstName: 'Marie',
    role: 'MAIN_TEACHER',
    email: 'marie.leroy@ac-rennes.fr',
    password: 'Un-mot-de-passe-long',
    passwordConfirm: 'Un-mot-de-passe-long',
  };

  it('accepts an academic address of any académie, and lower-cases it', () => {
    expect(staffSignUpSchema.parse({ ...base, email: 'Marie.Leroy@AC-Creteil.fr' }).email).toBe('marie.leroy@ac-creteil.fr');
  });

  it('refuses a personal address', () => {
    expect(messages(staffSignUpSchema.safeParse({ ...base, email: 'marie@gmail.com' }))).toEqual({ email: expect.stringMatching(/adresse académique/) });
  });
});
