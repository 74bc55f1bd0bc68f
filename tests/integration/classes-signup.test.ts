// Pupil sign-up (« Je suis élève ») with a class code or by choosing the collège, and joining a class later.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);

import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { makeClass, makeCollege, makePupil, makeTeam, pupilSignUpInput, type Team } from '../factories/college';
import { makeMember } from '../factories/people';
import { joinClassAction, signUpPupilAction, updateOwnGuardiansAction } from '@/lib/classes/pupil-actions';
import { checkCredentials } from '@/lib/core/credentials';
import { schoolYearOf } from '@/lib/core/format';
import type { PupilSignUpInput } from '@/lib/classes/pupil-schema';

const db = useTestDb();
let team: Team;

const form = (over: Partial<PupilSignUpInput> = {}) => pupilSignUpInput(team.classA.joinCode, over);

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  actAs(null);
});

describe('signing up with the class code', () => {
  it('creates an active login-only account in the class of the code, with its guardians; the pupil can sign in', async () => {
    const res = await signUpPupilAction(
      form({
        login: 'Lea.Morel',
        guardians: [{ lastName: 'Morel', firstName: 'Sophie', email: 'sophie.morel@exemple.fr', phone: '' }],
      }),
    );
    expect(res).toEqual({ ok: true, data: { login: 'lea.morel', needsActivation: false, establishmentName: 'Collège les Ormeaux', className: '3e A' } });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { login: 'lea.morel' }, include: { pupil: { include: { guardians: true } } } });
    expect(user).toMatchObject({ status: 'ACTIVE', email: null, firstName: null, lastName: null });
    expect(user.pupil).toMatchObject({
      establishmentId: team.establishmentId,
      classRoomId: team.classA.id,
      firstName: 'Léa',
      lastName: 'Morel',
      level: '3e',
      schoolYear: schoolYearOf(),
    });
    expect(user.pupil!.birthDate!.toISOString().slice(0, 10)).toBe(form().birthDate);
    expect(user.pupil!.guardians).toEqual([expect.objectContaining({ rank: 1, firstName: 'Sophie', email: 'sophie.morel@exemple.fr' })]);
    expect(await checkCredentials({ login: 'lea.morel', password: 'Un-mot-de-passe-long', ip: 't' })).toMatchObject({ ok: true });
  });

  it('accepts the code typed in lower case with a space', async () => {
    const typed = `${team.classB.joinCode.slice(0, 3).toLowerCase()} ${team.classB.joinCode.slice(3)}`;
    const res = await signUpPupilAction(form({ code: typed }));
    expect(res).toMatchObject({ ok: true, data: { className: '3e B' } });
  });

  it('with an email: the account waits for its activation link, sent by email', async () => {
    const res = await signUpPupilAction(form({ accountKind: 'email', email: 'Tom.Durand@Exemple.fr', login: '' }));
    expect(res).toMatchObject({ ok: true, data: { login: 'tom.durand@exemple.fr', needsActivation: true } });
    const user = await db().prisma.user.findUniqueOrThrow({ where: { login: 'tom.durand@exemple.fr' } });
    expect(user.status).toBe('PENDING_ACTIVATION');
    const mail = await db().prisma.outboxEmail.findFirstOrThrow({ where: { to: 'tom.durand@exemple.fr' } });
    expect(mail.text).toMatch(/http:\/\/localhost\/activation\/[\w-]+/);
  });

  it('answers the same for an address that already has an account, and tells its owner instead', async () => {
    const res = await signUpPupilAction(form({ accountKind: 'email', email: 'tom.durand@exemple.fr', login: '' }));
    expect(res).toMatchObject({ ok: true, data: { login: 'tom.durand@exemple.fr', needsActivation: true } });
    expect(await db().prisma.user.count({ where: { email: 'tom.durand@exemple.fr' } })).toBe(1);
    expect(await db().prisma.outboxEmail.count({ where: { to: 'tom.durand@exemple.fr', subject: 'Vous avez déjà un compte' } })).toBe(1);
  });

  it('refuses a login already taken, next to the field', async () => {
    const res = await signUpPupilAction(form({ login: 'lea.morel' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', fieldErrors: { login: [expect.stringMatching(/déjà pris/)] } } });
  });

  it('refuses an unknown code, next to the field, and creates nothing', async () => {
    const users = await db().prisma.user.count();
    const res = await signUpPupilAction(form({ code: 'ZZZZZZ' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { code: [expect.stringMatching(/n'existe pas/)] } } });
    expect(await db().prisma.user.count()).toBe(users);
  });

  it("refuses a code of a past school year's class", async () => {
    const old = await makeClass(db().prisma, { establishmentId: team.establishmentId, name: '3e 2020', schoolYear: 2020 });
    const res = await signUpPupilAction(form({ code: old.joinCode }));
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringMatching(/année scolaire passée/) } });
  });

  it('explains every invalid field (no email nor login, birth date, password, guardian) without creating anything', async () => {
    const users = await db().prisma.user.count();
    const res = await signUpPupilAction(
      form({
        login: '',
        birthDate: `${schoolYearOf() + 1}-01-01`, // born next year
        passwordConfirm: 'autre',
        guardians: [{ lastName: 'Morel', firstName: '', email: 'pas-une-adresse', phone: '' }],
      }),
    );
    expect(res.ok).toBe(false);
    const fields = Object.keys((res as { error: { fieldErrors: object } }).error.fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(['login', 'birthDate', 'passwordConfirm', 'guardians.0.firstName', 'guardians.0.email']));
    expect(await db().prisma.user.count()).toBe(users);
  });
});

describe('« l’inscription, c’est chacun son tour »', () => {
  it('refuses pupils while no professeur principal of the collège is registered', async () => {
    const college = await makeCollege(db().prisma);
    await makeMember(db().prisma, { establishmentId: college.id, role: 'PRINCIPAL' });
    const room = await makeClass(db().prisma, { establishmentId: college.id });
    await makeMember(db().prisma, { establishmentId: college.id, role: 'MAIN_TEACHER', status: 'PENDING' });
    const res = await signUpPupilAction(form({ code: room.joinCode }));
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Aucun professeur principal/) } });
  });

  it('refuses pupils while the collège has no class yet', async () => {
    const college = await makeCollege(db().prisma);
    await makeMember(db().prisma, { establishmentId: college.id, role: 'PRINCIPAL' });
    await makeMember(db().prisma, { establishmentId: college.id, role: 'MAIN_TEACHER' });
    const res = await signUpPupilAction(form({ code: '', uai: college.uai, level: '3e' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/pas encore créé ses classes/) } });
  });

  it('refuses pupils of a collège that is not registered', async () => {
    const college = await makeCollege(db().prisma, { registered: false });
    const res = await signUpPupilAction(form({ code: '', uai: college.uai, level: '3e' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/pas encore inscrit/) } });
  });
});

describe('signing up without a code', () => {
  it('chooses the collège and leaves the class empty: the pupil waits in « sans classe » with a level', async () => {
    const res = await signUpPupilAction(form({ code: '', uai: team.college.uai, level: '4e', login: 'sans.classe' }));
    expect(res).toMatchObject({ ok: true, data: { className: null } });
    const pupil = await db().prisma.pupil.findFirstOrThrow({ where: { user: { login: 'sans.classe' } } });
    expect(pupil).toMatchObject({ establishmentId: team.establishmentId, classRoomId: null, level: '4e' });
  });

  it('never enters a class without its code: a class id sent with the form is ignored, the pupil waits « sans classe »', async () => {
    const other = await makeTeam(db().prisma);
    for (const [login, classRoomId] of [
      ['sans.code.b', team.classB.id],
      ['sans.code.autre', other.classB.id],
    ]) {
      const res = await signUpPupilAction({ ...form({ code: '', uai: team.college.uai, level: '3e', login }), classRoomId } as PupilSignUpInput);
      expect(res).toMatchObject({ ok: true, data: { className: null } });
      const pupil = await db().prisma.pupil.findFirstOrThrow({ where: { user: { login } } });
      expect(pupil).toMatchObject({ establishmentId: team.establishmentId, classRoomId: null, level: '3e' });
    }
    expect(await db().prisma.pupil.count({ where: { classRoomId: other.classB.id, user: { login: { startsWith: 'sans.code' } } } })).toBe(0);
  });

  it('requires at least the level when no class is chosen', async () => {
    const res = await signUpPupilAction(form({ code: '', uai: team.college.uai, level: '' }));
    expect(res).toMatchObject({ ok: false, error: { fieldErrors: { level: [expect.any(String)] } } });
  });
});

describe('a signed-in pupil joins a class with its code', () => {
  it('after being detached, joins the right collège with the code', async () => {
    const other = await makeTeam(db().prisma, { name: 'Collège Françoise Dolto' });
    const { pupil, user } = await makePupil(db().prisma, { establishmentId: null, classRoomId: null });
    actAs(user!.id);
    const res = await joinClassAction({ code: other.classB.joinCode });
    expect(res).toEqual({ ok: true, data: { classRoomId: other.classB.id, className: '3e B', establishmentName: 'Collège Françoise Dolto' } });
    expect(await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupil.id } })).toMatchObject({
      establishmentId: other.establishmentId,
      classRoomId: other.classB.id,
    });
  });

  it("refuses a code of another collège than the pupil's, and a second class", async () => {
    const other = await makeTeam(db().prisma);
    actAs(team.pupilUser.id);
    expect(await joinClassAction({ code: other.classA.joinCode })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/ne fait pas partie de mon établissement/) },
    });
    expect(await joinClassAction({ code: team.classB.joinCode })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/déjà dans la classe 3e A/) },
    });
  });

  it('a pupil without a class of the collège joins with the code', async () => {
    const { pupil, user } = await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: null });
    actAs(user!.id);
    expect(await joinClassAction({ code: team.classB.joinCode })).toMatchObject({ ok: true });
    expect((await db().prisma.pupil.findUniqueOrThrow({ where: { id: pupil.id } })).classRoomId).toBe(team.classB.id);
  });

  it('is for pupils only', async () => {
    actAs(team.members.TEACHER.user.id);
    expect(await joinClassAction({ code: team.classB.joinCode })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    actAs(null);
    expect(await joinClassAction({ code: team.classB.joinCode })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('the pupil fills in their own guardians', async () => {
    actAs(team.pupilUser.id);
    const res = await updateOwnGuardiansAction({ guardians: [{ lastName: 'Morel', firstName: 'Paul', email: '', phone: '+33 6 12 34 56 78' }] });
    expect(res).toEqual({ ok: true, data: { count: 1 } });
    expect(await db().prisma.guardian.findFirst({ where: { pupilId: team.pupil.id } })).toMatchObject({ firstName: 'Paul', phone: '+33612345678' });
  });
});
