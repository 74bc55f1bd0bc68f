// Fuzzing the signed-in forms of the portal (issue 14): classes, pupils, the team, access requests,
// « Mon compte », the operator's reviews and rollover — each called by the person who may use it
// (the deepest path), with RUNS generated inputs: no exception escapes, no « erreur inattendue », every
// refusal in French, and a refused input changes no row. Ids come from the world: ours (the action
// may then succeed: counted as accepted) and another collège's (must be « introuvable »).
// Destructive targets come last in the file.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/headers', () => jest.requireActual('../helpers/fuzz/mocks').headersModule);
jest.mock('@/lib/core/password', () => jest.requireActual('../helpers/fuzz/mocks').passwordModule);
jest.mock('@/lib/core/throttle', () => jest.requireActual('../helpers/fuzz/mocks').throttleModule);

import fc from 'fast-check';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { freshRequest } from '../helpers/fuzz/mocks';
import { actionInput, anyValue, idFrom, text } from '../helpers/fuzz/values';
import { actionCall, fuzz, printTally } from '../helpers/fuzz/harness';
import { makeWorld, type World } from '../helpers/fuzz/world';
import { setNow } from '@/lib/core/clock';
import { LEVELS } from '@/lib/classes/schema';
import {
  assignTeachersAction,
  createClassAction,
  deleteClassAction,
  detachPupilAction,
  movePupilsAction,
  regenerateJoinCodeAction,
  updateClassAction,
  updateGuardiansAction,
} from '@/lib/classes/actions';
import { joinClassAction, updateOwnGuardiansAction } from '@/lib/classes/pupil-actions';
import { rolloverStepAction, startRolloverAction } from '@/lib/classes/rollover-actions';
import {
  approveMembershipAction,
  chooseEstablishmentAction,
  inviteStaffAction,
  refuseMembershipAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '@/lib/team/actions';
import { changePasswordAction } from '@/lib/accounts/actions';
import {
  declineAccessRequestAction,
  decideRegistrationReviewAction,
  grantAccessRequestAction,
  operatorDeclineAccessRequestAction,
  operatorGrantAccessRequestAction,
} from '@/lib/accounts/admin-actions';
import { updateEstablishmentInfoAction } from '@/lib/sites/actions';

const FILE = 'fuzz-college-actions';
const db = useTestDb();
let w: World;

beforeAll(async () => {
  w = await makeWorld(db().prisma);
}, 120_000);
afterAll(() => {
  setNow(null);
  printTally(FILE);
});

type Who = 'principal' | 'pupil' | 'teacher' | 'operator';
const userOf = (who: Who) =>
  ({ principal: w.team.members.PRINCIPAL.user.id, pupil: w.team.pupilUser.id, teacher: w.team.members.TEACHER.user.id, operator: w.operator.id })[who];

const run = (target: string, who: Who, fields: () => Record<string, fc.Arbitrary<unknown>>, action: (input: unknown) => Promise<unknown>) =>
  it(
    `${target}: bad input → a French refusal, no row changed, never a 500`,
    () =>
      fuzz(
        db().prisma,
        FILE,
        target,
        actionInput(fields()),
        actionCall(action, () => ({ userId: userOf(who), host: 'localhost' }), actAs, freshRequest),
      ),
    300_000,
  );

const classId = () => idFrom(...w.ids.classes);
const pupilId = () => idFrom(...w.ids.pupils);
const membershipId = () => idFrom(...w.ids.memberships);
const guardian = fc.record({ lastName: text('Morel'), firstName: text('Anne'), email: text('', 'anne@exemple.fr'), phone: text('', '06 12 34 56 78', '+33612345678') });
const guardians = fc.oneof(fc.constant([]), fc.array(fc.oneof(guardian, anyValue), { maxLength: 3 }), anyValue);
const roles = text('TEACHER', 'MAIN_TEACHER', 'PRINCIPAL', 'DEPUTY', 'OPERATOR');

describe('classes and pupils (the chef d’établissement)', () => {
  run(
    'createClassAction',
    'principal',
    () => ({ name: text('3e C', '   '), level: text(...LEVELS) }),
    (i) => createClassAction(i),
  );
  run(
    'updateClassAction (rename)',
    'principal',
    () => ({ classRoomId: classId(), name: text('3e D'), level: text(...LEVELS) }),
    (i) => updateClassAction(i),
  );
  run(
    'assignTeachersAction',
    'principal',
    () => ({ classRoomId: classId(), membershipIds: fc.oneof(fc.array(membershipId(), { maxLength: 7 }), anyValue) }),
    (i) => assignTeachersAction(i),
  );
  run(
    'regenerateJoinCodeAction',
    'principal',
    () => ({ classRoomId: classId() }),
    (i) => regenerateJoinCodeAction(i),
  );
  run(
    'movePupilsAction (move a pupil)',
    'principal',
    () => ({ moves: fc.oneof(fc.array(fc.record({ pupilId: pupilId(), classRoomId: fc.oneof(classId(), fc.constant(null)) }), { maxLength: 4 }), anyValue) }),
    (i) => movePupilsAction(i),
  );
  run(
    'updateGuardiansAction',
    'principal',
    () => ({ pupilId: pupilId(), guardians }),
    (i) => updateGuardiansAction(i),
  );
  run(
    'updateEstablishmentInfoAction (« Informations de l’établissement »)',
    'principal',
    () => ({
      headName: text('Mme Claire Martin'),
      headTitle: text('Principale'),
      publicEmail: text('', 'ce.0350032v@ac-rennes.fr'),
      publicPhone: text('', '02 99 00 00 00'),
      insurer: text('MAIF'),
      insurancePolicy: text('1234567'),
      address1: text('3 allée des Ormeaux'),
      address2: text(''),
      postalCode: text('35000', '3500'),
      city: text('Rennes'),
    }),
    (i) => updateEstablishmentInfoAction(i),
  );
});

describe('a pupil’s own forms', () => {
  run(
    'joinClassAction (« Rejoindre ma classe »)',
    'pupil',
    () => ({ code: text('ABCD-EFGH') }),
    (i) => joinClassAction(i),
  );
  run(
    'updateOwnGuardiansAction',
    'pupil',
    () => ({ guardians }),
    (i) => updateOwnGuardiansAction(i),
  );
});

describe('the team (the chef d’établissement)', () => {
  run(
    'inviteStaffAction',
    'principal',
    () => ({ email: text('nouveau.prof@ac-rennes.fr'), role: roles }),
    (i) => inviteStaffAction(i),
  );
  run(
    'resendInvitationAction',
    'principal',
    () => ({ invitationId: text('cmfuzz0000000000000000000') }),
    (i) => resendInvitationAction(i),
  );
  run(
    'revokeInvitationAction',
    'principal',
    () => ({ invitationId: text('cmfuzz0000000000000000000') }),
    (i) => revokeInvitationAction(i),
  );
  run(
    'approveMembershipAction',
    'principal',
    () => ({ membershipId: membershipId() }),
    (i) => approveMembershipAction(i),
  );
  run(
    'chooseEstablishmentAction (header switch)',
    'principal',
    () => ({ establishmentId: idFrom(...w.ids.establishments) }),
    (i) => chooseEstablishmentAction(i),
  );
  run(
    'grantAccessRequestAction',
    'principal',
    () => ({ requestId: text('cmfuzz0000000000000000000'), staffRole: roles }),
    (i) => grantAccessRequestAction(i),
  );
  run(
    'declineAccessRequestAction',
    'principal',
    () => ({ requestId: text('cmfuzz0000000000000000000') }),
    (i) => declineAccessRequestAction(i),
  );
});

describe('« Mon compte » and the operator', () => {
  run(
    'changePasswordAction',
    'teacher',
    () => ({ currentPassword: text('mauvais-mot-de-passe'), password: text('Un-mot-de-passe-long'), passwordConfirm: text('Un-mot-de-passe-long') }),
    (i) => changePasswordAction(i),
  );
  run(
    'operatorGrantAccessRequestAction',
    'operator',
    () => ({ requestId: text('cmfuzz0000000000000000000'), staffRole: roles }),
    (i) => operatorGrantAccessRequestAction(i),
  );
  run(
    'operatorDeclineAccessRequestAction',
    'operator',
    () => ({ requestId: text('cmfuzz0000000000000000000') }),
    (i) => operatorDeclineAccessRequestAction(i),
  );
  run(
    'decideRegistrationReviewAction',
    'operator',
    () => ({ reviewId: text('cmfuzz0000000000000000000'), decision: text('APPROVE', 'REFUSE'), reason: text('') }),
    (i) => decideRegistrationReviewAction(i),
  );
  run(
    'rolloverStepAction',
    'operator',
    () => ({ rolloverId: text('cmfuzz0000000000000000000') }),
    (i) => rolloverStepAction(i),
  );
});

describe('destructive acts (last: they may succeed on our rows)', () => {
  run(
    'refuseMembershipAction',
    'principal',
    () => ({ membershipId: membershipId() }),
    (i) => refuseMembershipAction(i),
  );
  run(
    'removeMemberAction',
    'principal',
    () => ({ membershipId: membershipId() }),
    (i) => removeMemberAction(i),
  );
  run(
    'detachPupilAction',
    'principal',
    () => ({ pupilId: pupilId() }),
    (i) => detachPupilAction(i),
  );
  run(
    'deleteClassAction',
    'principal',
    () => ({ classRoomId: classId() }),
    (i) => deleteClassAction(i),
  );
  // dryRun: true mostly; a real start (dryRun false) only records the run — its steps need its id.
  run(
    'startRolloverAction',
    'operator',
    () => ({ year: fc.oneof(fc.constantFrom(2025, 2026, '2026', 1999, 2101), anyValue), dryRun: fc.oneof(fc.constant(true), anyValue) }),
    (i) => startRolloverAction(i),
  );
});

describe('found by fuzzing', () => {
  const refusal = (out: unknown) => (out as { ok: boolean; error?: { code: string } }).error?.code;
  beforeEach(() => {
    actAs(w.team.members.PRINCIPAL.user.id, 'localhost');
    freshRequest('localhost');
  });
  // PostgreSQL refuses NUL in text: these reached it and answered « erreur inattendue » (a 500).
  it('a class name with a NUL byte is refused in French', async () => {
    expect(refusal(await updateClassAction({ classRoomId: w.team.classA.id, name: 'WA\u0000/', level: 'ULIS' }))).toBe('VALIDATION');
  });
  it('an id with a NUL byte is « introuvable », not a 500', async () => {
    expect(refusal(await deleteClassAction({ classRoomId: 'a\u0000b' }))).toBe('VALIDATION');
    expect(refusal(await removeMemberAction({ membershipId: '\u0000' }))).toBe('VALIDATION');
  });
});
