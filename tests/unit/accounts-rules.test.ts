import { registrationTarget } from '@/lib/accounts/registration-rules';
import { maskAddress } from '@/lib/accounts/identifier';
import { withTimingFloor } from '@/lib/accounts/common';
import { formatDuration } from '@/lib/core/format';
import { accessRequestSchema, registrationSchema } from '@/lib/accounts/schema';
import { PASSWORD_MIN_LENGTH } from '@/lib/core/password';

const est = (uai: string, directoryEmail: string | null, isPublic = true, academyCode: string | null = 'rennes') => ({ uai, directoryEmail, isPublic, academyCode });

describe('the address an establishment registers with', () => {
  it('is ce.<uai>@<académie> when the directory holds an academic address, whatever its case or UAI', () => {
    expect(registrationTarget(est('0350003N', 'Ce.0350003n@ac-rennes.fr'))).toEqual({ kind: 'address', login: 'ce.0350003n@ac-rennes.fr', official: true });
    expect(registrationTarget(est('0351969A', 'Ce.0350022j@ac-rennes.fr'))).toEqual({ kind: 'address', login: 'ce.0351969a@ac-rennes.fr', official: true });
    expect(registrationTarget(est('0352069J', 'ce.0352069J@ac-rennes.fr', false))).toMatchObject({ login: 'ce.0352069j@ac-rennes.fr' });
  });

  it('finds the académie from the UAI when the row has none', () => {
    expect(registrationTarget(est('0490003M', null, true, null))).toEqual({ kind: 'address', login: 'ce.0490003m@ac-nantes.fr', official: true });
  });

  it('is the directory address of an establishment whose address is not academic', () => {
    expect(registrationTarget(est('0352462L', 'jeanne-darc.vitre@wanadoo.fr', false))).toEqual({
      kind: 'address',
      login: 'jeanne-darc.vitre@wanadoo.fr',
      official: false,
    });
    expect(registrationTarget(est('0351962T', 'tinteniac@cneap.fr', false))).toMatchObject({ login: 'tinteniac@cneap.fr' });
  });

  it('waits for the operator for a private establishment without address', () => {
    expect(registrationTarget(est('0353069W', null, false))).toEqual({ kind: 'review' });
    expect(registrationTarget(est('0353069W', '  ', false))).toEqual({ kind: 'review' });
  });
});

describe('small rules', () => {
  it('masks a manager address to its first letters', () => {
    expect(maskAddress('ce.0350033w@ac-rennes.fr')).toBe('ce.....@ac-rennes.fr');
    expect(maskAddress('tinteniac@cneap.fr')).toBe('ti.....@cneap.fr');
  });

  it('says how long a link is valid in French', () => {
    expect(formatDuration(5)).toBe('5 minutes');
    expect(formatDuration(1)).toBe('1 minute');
    expect(formatDuration(0.05)).toBe('3 secondes');
    expect(formatDuration(60)).toBe('1 heure');
    expect(formatDuration(7 * 24 * 60)).toBe('7 jours');
  });

  it('answers no sooner than the floor, even when the work fails', async () => {
    const t = Date.now();
    await expect(
      withTimingFloor(async () => {
        throw new Error('x');
      }, 120),
    ).rejects.toThrow('x');
    expect(Date.now() - t).toBeGreaterThanOrEqual(115);
  });
});

describe('the shared schemas', () => {
  const valid = {
    uai: '0351847t',
    civility: 'Mme',
    lastName: 'Dupont',
    firstName: 'Claire',
    function: "Chef d'établissement",
    password: 'a'.repeat(PASSWORD_MIN_LENGTH),
    passwordConfirm: 'a'.repeat(PASSWORD_MIN_LENGTH),
  };

  it('accept exactly 12 characters and normalise the UAI', () => {
    expect(registrationSchema.parse(valid)).toMatchObject({ uai: '0351847T' });
    expect(registrationSchema.safeParse({ ...valid, password: 'a'.repeat(11), passwordConfirm: 'a'.repeat(11) }).success).toBe(false);
  });

  it('refuse a function outside the list and a non-academic access request address', () => {
    expect(registrationSchema.safeParse({ ...valid, function: 'Pirate' }).success).toBe(false);
    const request = { uai: '0350033W', lastName: 'M', firstName: 'J', function: 'Prof', email: 'J.M@AC-Rennes.fr' };
    expect(accessRequestSchema.parse(request).email).toBe('j.m@ac-rennes.fr');
    expect(accessRequestSchema.safeParse({ ...request, email: 'j@wanadoo.fr' }).success).toBe(false);
  });
});
