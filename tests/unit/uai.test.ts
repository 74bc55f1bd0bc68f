import { departmentOfUai, isValidUai, normalizeUai, uaiCheckLetter, uaiError, uaiSchema, UAI_MESSAGES } from '@/lib/reference/uai';

describe('UAI check letter', () => {
  it('accepts the reference examples', () => {
    for (const uai of ['0350031U', '0352958A', '0490003M']) expect(isValidUai(uai)).toBe(true);
  });

  it('computes the letter from the seven digits (no I, O, Q)', () => {
    expect(uaiCheckLetter('0350031')).toBe('U');
    expect(uaiCheckLetter('0352958')).toBe('A');
    expect(uaiCheckLetter('0490003')).toBe('M');
    const letters = new Set(Array.from({ length: 23 }, (_, i) => uaiCheckLetter(String(i).padStart(7, '0'))));
    expect(letters.size).toBe(23);
    for (const l of 'IOQ') expect(letters.has(l)).toBe(false);
  });

  it('refuses a wrong letter, a wrong length and non-digits', () => {
    expect(isValidUai('0350031V')).toBe(false);
    expect(isValidUai('035003U')).toBe(false);
    expect(isValidUai('03500311U')).toBe(false);
    expect(isValidUai('A350031U')).toBe(false);
    expect(isValidUai('')).toBe(false);
    expect(() => uaiCheckLetter('12')).toThrow();
  });

  it('ignores case and surrounding spaces', () => {
    expect(normalizeUai('  0350031u ')).toBe('0350031U');
    expect(isValidUai(' 0350031u')).toBe(true);
  });
});

describe('departmentOfUai', () => {
  it('gives the 3-character code of the annuaire', () => {
    expect(departmentOfUai('0350031U')).toBe('035');
    expect(departmentOfUai('0490003m')).toBe('049');
    expect(departmentOfUai('6200001G')).toBe('02A');
    expect(departmentOfUai('7200009X')).toBe('02B');
    expect(departmentOfUai('9740001H')).toBe('974');
    expect(departmentOfUai('9710002B')).toBe('971');
  });
});

describe('uaiSchema', () => {
  const messages = (input: unknown) => {
    const r = uaiSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('outputs the normalized UAI', () => {
    expect(uaiSchema.parse(' 0352958a ')).toBe('0352958A');
  });

  it('has one French message per failure', () => {
    expect(messages('')).toEqual([UAI_MESSAGES.empty]);
    expect(messages('   ')).toEqual([UAI_MESSAGES.empty]);
    expect(messages(undefined)).toEqual([UAI_MESSAGES.empty]);
    expect(messages('035003')).toEqual([UAI_MESSAGES.format]);
    expect(messages('0350031V')).toEqual([UAI_MESSAGES.checkLetter]);
  });

  it('uses the wording of the specification', () => {
    expect(UAI_MESSAGES.empty).toBe('Saisissez le code UAI de votre établissement (7 chiffres et une lettre, par exemple 0350031U).');
    expect(UAI_MESSAGES.format).toBe("Le code UAI comporte 7 chiffres suivis d'une lettre (par exemple 0350031U).");
    expect(uaiError('0350031V')).toBe("Ce code UAI n'existe pas : la lettre de contrôle ne correspond pas aux chiffres. Vérifiez votre saisie.");
  });
});
