// Review: « Je suis élève » is public; with a login (no email) nothing limited it, so anyone could
// create pupils in any registered collège without end and make the server hash passwords (scrypt)
// as fast as it could send requests. Sign-ups are now counted per IP (generously: a whole class
// signs up from one school address) and refused, before any hashing, once the limit is reached.
import { useTestDb } from '../helpers/db';
import { makeTeam, pupilSignUpInput, type Team } from '../factories/college';
import { signUpPupil, PUPIL_SIGNUP_IP_RULE } from '@/lib/classes/signup';
import { pupilSignUpSchema, type PupilSignUpInput } from '@/lib/classes/pupil-schema';
import { AppError } from '@/lib/core/errors';
import { nowMs } from '@/lib/core/clock';

const db = useTestDb();
let team: Team;

const data = (over: Partial<PupilSignUpInput> = {}) => pupilSignUpSchema.parse(pupilSignUpInput(team.classA.joinCode, over));

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
});

describe('pupil sign-up throttling per IP', () => {
  it('lets a whole classroom sign up from one school address', () => {
    expect(PUPIL_SIGNUP_IP_RULE.limit).toBeGreaterThanOrEqual(60);
  });

  it('counts each login-only sign-up for the IP', async () => {
    await signUpPupil({ data: data(), origin: 'http://localhost', ip: '203.0.113.7' });
    await signUpPupil({ data: data(), origin: 'http://localhost', ip: '203.0.113.7' });
    const rows = await db().prisma.rateLimit.findMany({ where: { key: { contains: '203.0.113.7' } } });
    expect(rows.map((r) => r.count)).toContain(2);
  });

  it('refuses (RATE_LIMITED) without creating anything once the IP is blocked', async () => {
    const key = (await db().prisma.rateLimit.findFirstOrThrow({ where: { key: { contains: '203.0.113.7' } } })).key;
    await db().prisma.rateLimit.update({ where: { key }, data: { blockedUntil: new Date(nowMs() + 10 * 60_000) } });
    const before = await db().prisma.user.count();
    const err = await signUpPupil({ data: data({ login: 'lea.bloquee' }), origin: 'http://localhost', ip: '203.0.113.7' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('RATE_LIMITED');
    expect(await db().prisma.user.count()).toBe(before);
    // another address is not affected
    await expect(signUpPupil({ data: data(), origin: 'http://localhost', ip: '198.51.100.1' })).resolves.toMatchObject({ className: '3e A' });
  });
});
