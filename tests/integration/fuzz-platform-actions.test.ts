// Fuzzing the signed-in forms of a lycée platform (issue 14): options, contacts, formations,
// teachers, invitations, stages (publish, edit, duplicate, cancel), enrolments, conventions, and
// the operator's platform forms — each called by the person who may use it (the deepest path), with
// RUNS generated inputs: no exception escapes, no « erreur inattendue », every refusal in French, and
// a refused input changes no row. Destructive targets come last.
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
import {
  acceptSiteInvitationAction,
  deleteContactAction,
  deleteFormationAction,
  deleteTeacherAction,
  inviteSiteStaffAction,
  saveContactAction,
  saveFormationAction,
  saveTeacherAction,
  updateSiteOptionsAction,
} from '@/lib/sites/actions';
import { createPlatformAction, operatorInviteAction, updatePlatformAction } from '@/lib/sites/operator-actions';
import { cancelStageAction, createStageAction, duplicateStageAction, updateStageAction } from '@/lib/stages/actions';
import { attendanceAction, cancelEnrolmentAction, enrolAction, saveEnrolmentOptionsAction } from '@/lib/enrolments/actions';
import { markReceivedAction, resendLinksAction, sendForSignatureAction } from '@/lib/conventions/actions';
import { AUDIENCES, STAGE_TYPES } from '@/lib/stages/schema';
import { LEVELS } from '@/lib/classes/schema';

const FILE = 'fuzz-platform-actions';
const db = useTestDb();
let w: World;

beforeAll(async () => {
  w = await makeWorld(db().prisma);
}, 120_000);
afterAll(() => {
  setNow(null);
  printTally(FILE);
});

type Who = 'admin' | 'college' | 'operator';
const who = (as: Who) =>
  ({
    admin: { userId: w.site.admin.id, host: w.site.host },
    college: { userId: w.team.members.PRINCIPAL.user.id, host: w.site.host },
    operator: { userId: w.operator.id, host: 'localhost' },
  })[as];

const run = (
  target: string,
  as: Who,
  fields: () => Record<string, fc.Arbitrary<unknown>>,
  action: (input: unknown) => Promise<unknown>,
  opts: { mayWrite?: string[] } = {},
) =>
  it(
    `${target}: bad input → a French refusal, no row changed, never a 500`,
    () =>
      fuzz(
        db().prisma,
        FILE,
        target,
        actionInput(fields()),
        actionCall(action, () => who(as), actAs, freshRequest),
        opts,
      ),
    300_000,
  );
/** An enrolment's convention is made on first use (lib/conventions/service.ts ensureConvention), as its page does: a refused act on a real enrolment may leave that draft. */
const FIRST_USE = { mayWrite: ['INSERT Convention'] };

const bool = fc.oneof(fc.boolean(), anyValue);
const day = text('2026-12-15', '2026-12-13', '2026-02-30', '2026-12-25', '15/12/2026');
const time = text('09:00', '12:00', '25:00', '9:00', '05:00', '21:00');
const stageFields = () => ({
  formationId: idFrom(...w.ids.formations),
  stageType: text(...STAGE_TYPES),
  date: day,
  startTime: time,
  endTime: time,
  scheduleDetail: text(''),
  capacity: fc.oneof(fc.constantFrom(8, 0, 61, 1.5, -1, '8'), anyValue),
  teacherId: idFrom('', ...w.ids.teachers),
  place: text('Atelier B12'),
  audience: fc.oneof(fc.constant(['3e']), fc.array(text(...AUDIENCES), { maxLength: 8 }), anyValue),
  description: text(''),
});
const enrolmentId = () => idFrom(...w.ids.enrolments);

describe('platform options and lists (the administrator)', () => {
  run(
    'updateSiteOptionsAction (« Options »)',
    'admin',
    () => ({ name: text('Lycée demo'), logoUrl: text('', 'https://exemple.fr/logo.png', 'javascript:alert(1)'), conventionReturn: text(''), conventionText: text('') }),
    (i) => updateSiteOptionsAction(i),
  );
  run(
    'saveContactAction',
    'admin',
    () => ({
      id: idFrom('', ...w.ids.contacts),
      name: text('M. Durand'),
      role: text('DDFPT'),
      email: text('', 'a@b.fr'),
      phone: text('', '02 99 00 00 00'),
      position: fc.oneof(fc.constantFrom(0, 1, 1000, -1, 0.5), anyValue),
    }),
    (i) => saveContactAction(i),
  );
  run(
    'saveFormationAction',
    'admin',
    () => ({ id: idFrom('', ...w.ids.formations), type: text('Bac pro', 'CAP'), name: text('Cuisine'), active: bool }),
    (i) => saveFormationAction(i),
  );
  run(
    'saveTeacherAction',
    'admin',
    () => ({ id: idFrom('', ...w.ids.teachers), firstName: text('Paul'), lastName: text('Durand'), email: text('', 'p@ac-rennes.fr'), active: bool }),
    (i) => saveTeacherAction(i),
  );
  run(
    'inviteSiteStaffAction',
    'admin',
    () => ({ email: text('collegue@ac-rennes.fr'), role: text('ADMIN', 'TEACHER', 'OPERATOR') }),
    (i) => inviteSiteStaffAction(i),
  );
  run(
    'acceptSiteInvitationAction',
    'admin',
    () => ({ token: text('abcdefghijklmnop') }),
    (i) => acceptSiteInvitationAction(i),
  );
  run(
    'saveEnrolmentOptionsAction (« Options › Inscriptions »)',
    'admin',
    () => ({
      fairShareSeats: fc.oneof(fc.constantFrom('', '3', 3, 0, 51, '1e1', ' 4 '), anyValue),
      fairShareDays: fc.oneof(fc.constantFrom('', '7', 7, 61, -1), anyValue),
      conventionReminderDays: fc.oneof(fc.constantFrom('3', 3, 31, ''), anyValue),
      convocationNote: text(''),
    }),
    (i) => saveEnrolmentOptionsAction(i),
  );
});

describe('stages (the administrator publishes)', () => {
  run('createStageAction (« Publier un stage »)', 'admin', stageFields, (i) => createStageAction(i));
  run(
    'updateStageAction',
    'admin',
    () => ({ id: idFrom(...w.ids.stages), ...stageFields() }),
    (i) => updateStageAction(i),
  );
  run(
    'duplicateStageAction',
    'admin',
    () => ({
      id: idFrom(...w.ids.stages),
      mode: text('dates', 'weekly'),
      dates: fc.oneof(fc.array(day, { maxLength: 4 }), anyValue),
      weekday: fc.oneof(fc.constantFrom(1, 6, 0, 7, 2.5), anyValue),
      until: day,
    }),
    (i) => duplicateStageAction(i),
  );
});

describe('enrolments and conventions', () => {
  run(
    'enrolAction (« Inscrire un stagiaire »)',
    'college',
    () => ({
      stageId: idFrom(...w.ids.stages),
      pupilIds: fc.oneof(fc.array(idFrom(...w.ids.pupils), { maxLength: 3 }), anyValue),
      newPupil: fc.oneof(
        fc.constant(undefined),
        fc.record({
          lastName: text('Morel'),
          firstName: text('Léa'),
          level: text(...LEVELS),
          classLabel: text('', '3e B'),
          birthDate: text('2012-05-04', '2012-02-30', '04/05/2012'),
        }),
        anyValue,
      ),
      waitlist: bool,
    }),
    (i) => enrolAction(i),
  );
  run(
    'attendanceAction',
    'admin',
    () => ({ enrolmentId: enrolmentId(), attendance: text('PRESENT', 'ABSENT') }),
    (i) => attendanceAction(i),
  );
  run(
    'sendForSignatureAction',
    'admin',
    () => ({ enrolmentId: enrolmentId() }),
    (i) => sendForSignatureAction(i),
    FIRST_USE,
  );
  run(
    'resendLinksAction',
    'admin',
    () => ({ enrolmentId: enrolmentId() }),
    (i) => resendLinksAction(i),
    FIRST_USE,
  );
  run(
    'markReceivedAction (« Convention reçue »)',
    'admin',
    () => ({ enrolmentId: enrolmentId() }),
    (i) => markReceivedAction(i),
    FIRST_USE,
  );
});

describe('the operator’s platform forms', () => {
  run(
    'createPlatformAction',
    'operator',
    () => ({
      uai: text('0350033W', '0350032V'),
      name: text('Lycée Neuf'),
      slug: text('lycee-neuf', 'www', 'demo'),
      domains: text('', 'ministage.lycee.fr', 'localhost'),
      logoUrl: text(''),
    }),
    (i) => createPlatformAction(i),
  );
  run(
    'updatePlatformAction',
    'operator',
    () => ({ id: idFrom(...w.ids.sites), name: text('Lycée demo'), slug: text('demo', 'autre'), domains: text(''), logoUrl: text(''), active: bool }),
    (i) => updatePlatformAction(i),
  );
  run(
    'operatorInviteAction',
    'operator',
    () => ({ siteId: idFrom(...w.ids.sites), email: text('admin@ac-rennes.fr'), role: text('ADMIN', 'TEACHER') }),
    (i) => operatorInviteAction(i),
  );
});

describe('destructive acts (last: they may succeed on our rows)', () => {
  run(
    'deleteContactAction',
    'admin',
    () => ({ id: idFrom(...w.ids.contacts) }),
    (i) => deleteContactAction(i),
  );
  run(
    'deleteFormationAction',
    'admin',
    () => ({ id: idFrom(...w.ids.formations) }),
    (i) => deleteFormationAction(i),
  );
  run(
    'deleteTeacherAction',
    'admin',
    () => ({ id: idFrom(...w.ids.teachers) }),
    (i) => deleteTeacherAction(i),
  );
  run(
    'cancelEnrolmentAction',
    'college',
    () => ({ enrolmentId: enrolmentId() }),
    (i) => cancelEnrolmentAction(i),
  );
  run(
    'cancelStageAction',
    'admin',
    () => ({ id: idFrom(...w.ids.stages), reason: text('Atelier en travaux', 'court') }),
    (i) => cancelStageAction(i),
  );
});

describe('found by fuzzing', () => {
  const refusal = (out: unknown) => (out as { ok: boolean; error?: { code: string } }).error?.code;
  it('a formation type or a teacher’s name with a NUL byte is refused in French (PostgreSQL refused it: a 500)', async () => {
    actAs(w.site.admin.id, w.site.host);
    freshRequest(w.site.host);
    expect(refusal(await saveFormationAction({ id: '', type: 'WA\u0000/', name: 'Cuisine', active: false }))).toBe('VALIDATION');
    expect(refusal(await saveTeacherAction({ id: '', firstName: 'Paul\u0000', lastName: 'Durand', email: '', active: true }))).toBe('VALIDATION');
  });
  it('options holding half a surrogate pair are refused in French (the audit line’s jsonb refused it: a 500)', async () => {
    actAs(w.site.admin.id, w.site.host);
    freshRequest(w.site.host);
    expect(refusal(await updateSiteOptionsAction({ name: 'Lycée demo', logoUrl: '', conventionReturn: 'a\udfffb', conventionText: '' }))).toBe('VALIDATION');
  });
  it('a list of domains holding a value that is not a text is refused in French (joining it threw: a 500)', async () => {
    actAs(w.operator.id, 'localhost');
    freshRequest('localhost');
    const domains = ['ministage.lycee.fr', Object.create(null)];
    expect(refusal(await createPlatformAction({ uai: '0350033W', name: 'Lycée Neuf', slug: 'lycee-neuf', domains, logoUrl: '' }))).toBe('VALIDATION');
  });
});
