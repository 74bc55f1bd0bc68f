// What each role SEES of the pupils (the read side of « Hold the doors », item 11): the pupil's
// page, a class page, the pupils page, the tabs — for a pupil of the PP's own class (3e A), of
// another class (3e B), without class, and of another collège. The pages are called as the server
// calls them; the returned tree is searched for the pupils' ids and for the action components.
jest.mock('@/lib/core/session', () => jest.requireActual('../helpers/session-mock').sessionModule);
jest.mock('next/cache', () => jest.requireActual('../helpers/session-mock').cacheModule);
jest.mock('next/server', () => ({ connection: async () => undefined }));

import { isValidElement, type ReactElement } from 'react';
import { useTestDb } from '../helpers/db';
import { actAs } from '../helpers/session-mock';
import { MATRIX_ROLES, makePupil, makeTeam, matrixActors, type MatrixRole, type Team } from '../factories/college';
import PupilPage from '@/app/(portail)/etablissement/eleves/[id]/page';
import PupilsPage from '@/app/(portail)/etablissement/eleves/page';
import ClassPage from '@/app/(portail)/etablissement/classes/[id]/page';
import ClassesPage from '@/app/(portail)/etablissement/classes/page';
import EstablishmentHome from '@/app/(portail)/etablissement/page';
import { EstablishmentTabs } from '@/components/classes/EstablishmentTabs';
import { AccessDenied } from '@/components/ui/AccessDenied';
import { ActionButton } from '@/components/ui/ActionButton';
import { GuardiansForm } from '@/components/classes/GuardiansForm';
import { PupilMoveTable } from '@/components/classes/PupilMoveTable';
import { UnassignedPupils } from '@/components/classes/UnassignedPupils';
import { detachPupilAction, movePupilsAction } from '@/lib/classes/actions';
import { loadActor } from '@/lib/core/actor';

const db = useTestDb();
let team: Team;
let other: Team;
let actors: Record<MatrixRole, string | null>;
const pupils = {} as Record<'own' | 'otherClass' | 'without' | 'otherCollege', string>;
const names = {} as Record<string, string>; // pupil id → last name (as the page prints it: upper case)

const OFFICE = ['PRINCIPAL', 'DEPUTY', 'SECRETARY', 'CPE'];
const NOT_MEMBERS = ['PUPIL', 'STRANGER', 'OPERATOR'];

beforeAll(async () => {
  team = await makeTeam(db().prisma, { name: 'Collège les Ormeaux' });
  other = await makeTeam(db().prisma, { name: 'Collège Françoise Dolto' });
  actors = await matrixActors(db().prisma, team, other);
  pupils.own = team.pupil.id; // in 3e A, whose PP is team.members.MAIN_TEACHER
  pupils.otherClass = (await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: team.classB.id })).pupil.id;
  pupils.without = (await makePupil(db().prisma, { establishmentId: team.establishmentId, classRoomId: null })).pupil.id;
  pupils.otherCollege = other.pupil.id;
  for (const p of await db().prisma.pupil.findMany({ where: { id: { in: Object.values(pupils) } } })) names[p.id] = p.lastName!.toUpperCase();
});

// ── the returned tree ──
function* nodes(node: unknown, seen = new WeakSet<object>()): Generator<unknown> {
  if (node === null || typeof node !== 'object' || seen.has(node)) return void (yield node);
  seen.add(node);
  yield node;
  if (Array.isArray(node)) for (const n of node) yield* nodes(n, seen);
  else if (isValidElement(node)) yield* nodes((node as ReactElement<Record<string, unknown>>).props, seen);
  else for (const v of Object.values(node)) yield* nodes(v, seen);
}
const elements = (tree: unknown, type: unknown) => [...nodes(tree)].filter((n): n is ReactElement<Record<string, unknown>> => isValidElement(n) && n.type === type);
const strings = (tree: unknown) => [...nodes(tree)].filter((n): n is string => typeof n === 'string');
/** The tree holds the pupil: their id (links, action inputs) or their name (whole word: NOM1 ≠ NOM12). */
const mentions = (tree: unknown, id: string) => {
  const name = names[id] ? new RegExp(`(^|[^A-Z0-9])${names[id]}([^A-Z0-9]|$)`) : null;
  return strings(tree).some((s) => s.includes(id) || (!!name && name.test(s)));
};

/** Runs a page: the tree, or what Next would answer instead (404, sign-in redirect). */
async function page(run: () => Promise<unknown>): Promise<{ kind: 'TREE'; tree: unknown } | { kind: 'NOT_FOUND' | 'SIGN_IN' }> {
  try {
    return { kind: 'TREE', tree: await run() };
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { kind: 'NOT_FOUND' };
    if (digest.startsWith('NEXT_REDIRECT') && digest.includes('/connexion')) return { kind: 'SIGN_IN' };
    throw e;
  }
}
/** The « Accès réservé » screen for someone signed in who is in no collège's team (lib/core/guards requireMember). */
const isNotMember = (tree: unknown) =>
  isValidElement(tree) && tree.type === AccessDenied && (tree.props as { what?: string }).what === 'aux membres de l’équipe pédagogique d’un collège';
const asRole = (role: MatrixRole) => actAs(actors[role]);

// ── the pupil's page ──
type Fiche = 'EDIT' | 'READ' | 'NOT_FOUND' | 'NOT_MEMBER' | 'SIGN_IN';
function expectedFiche(role: MatrixRole, which: keyof typeof pupils): Fiche {
  if (role === 'ANONYMOUS') return 'SIGN_IN';
  if (NOT_MEMBERS.includes(role)) return 'NOT_MEMBER';
  if (role === 'OTHER_STAFF') return which === 'otherCollege' ? 'EDIT' : 'NOT_FOUND';
  if (which === 'otherCollege') return 'NOT_FOUND';
  if (OFFICE.includes(role)) return 'EDIT';
  if (role === 'COUNSELOR') return 'READ';
  if (role === 'MAIN_TEACHER') return which === 'own' ? 'EDIT' : 'NOT_FOUND';
  return 'NOT_FOUND'; // TEACHER
}

describe('the pupil’s page (/etablissement/eleves/[id])', () => {
  const combos = MATRIX_ROLES.flatMap((role) =>
    (['own', 'otherClass', 'without', 'otherCollege'] as const).map((which) => [role, which, expectedFiche(role, which)] as const),
  );
  it.each(combos)('%s, pupil %s → %s', async (role, which, want) => {
    asRole(role);
    const res = await page(() => PupilPage({ params: Promise.resolve({ id: pupils[which] }) }));
    if (res.kind !== 'TREE') return expect(res.kind).toBe(want);
    if (isNotMember(res.tree)) return expect('NOT_MEMBER').toBe(want);
    expect(mentions(res.tree, pupils[which])).toBe(true); // the pupil's page, with the name
    const forms = elements(res.tree, GuardiansForm).length;
    const detach = elements(res.tree, ActionButton).filter((b) => b.props.action === detachPupilAction).length;
    expect(forms === 1 && detach === 1 ? 'EDIT' : forms === 0 && detach === 0 ? 'READ' : `forms ${forms}, detach ${detach}`).toBe(want);
  });
});

// ── a class page ──
type ClassView = 'MOVE' | 'READ' | 'HIDDEN' | 'NOT_FOUND' | 'NOT_MEMBER' | 'SIGN_IN';
function expectedClass(role: MatrixRole, which: 'A' | 'B'): ClassView {
  if (role === 'ANONYMOUS') return 'SIGN_IN';
  if (NOT_MEMBERS.includes(role)) return 'NOT_MEMBER';
  if (role === 'OTHER_STAFF') return 'NOT_FOUND';
  if (OFFICE.includes(role)) return 'MOVE';
  if (role === 'COUNSELOR') return 'READ';
  if (role === 'MAIN_TEACHER') return which === 'A' ? 'MOVE' : 'HIDDEN';
  return 'HIDDEN'; // TEACHER: the class, not its pupils
}

describe('a class page (/etablissement/classes/[id])', () => {
  const combos = MATRIX_ROLES.flatMap((role) => (['A', 'B'] as const).map((which) => [role, which, expectedClass(role, which)] as const));
  it.each(combos)('%s, 3e %s → %s', async (role, which, want) => {
    asRole(role);
    const room = which === 'A' ? team.classA : team.classB;
    const pupilId = which === 'A' ? pupils.own : pupils.otherClass;
    const res = await page(() => ClassPage({ params: Promise.resolve({ id: room.id }) }));
    if (res.kind !== 'TREE') return expect(res.kind).toBe(want);
    if (isNotMember(res.tree)) return expect('NOT_MEMBER').toBe(want);
    const tables = elements(res.tree, PupilMoveTable);
    if (!mentions(res.tree, pupilId)) {
      expect(tables).toHaveLength(0);
      expect(strings(res.tree).join(' ')).toMatch(/élèves de cette classe sont visibles/);
      return expect('HIDDEN').toBe(want);
    }
    expect(tables).toHaveLength(1);
    expect(tables[0].props.action === movePupilsAction ? 'MOVE' : tables[0].props.action === undefined ? 'READ' : 'other action').toBe(want);
  });
});

// ── the pupils page ──
describe('the pupils page (/etablissement/eleves)', () => {
  const run = async (role: MatrixRole) => {
    asRole(role);
    const res = await page(() => PupilsPage());
    if (res.kind !== 'TREE') throw new Error(res.kind);
    return res.tree;
  };

  it.each(OFFICE)('%s sees every pupil, assigns any class and may detach', async (role) => {
    const tree = await run(role as MatrixRole);
    for (const id of [pupils.own, pupils.otherClass, pupils.without]) expect(mentions(tree, id)).toBe(true);
    expect(mentions(tree, pupils.otherCollege)).toBe(false);
    const [list] = elements(tree, UnassignedPupils);
    expect(list.props.moveAction).toBe(movePupilsAction);
    expect(list.props.detachAction).toBe(detachPupilAction);
    expect((list.props.classes as { id: string }[]).map((c) => c.id).sort()).toEqual([team.classA.id, team.classB.id].sort());
  });

  it('the Psy-EN sees every pupil and no action', async () => {
    const tree = await run('COUNSELOR');
    for (const id of [pupils.own, pupils.otherClass, pupils.without]) expect(mentions(tree, id)).toBe(true);
    const [list] = elements(tree, UnassignedPupils);
    expect(list.props.moveAction).toBeUndefined();
    expect(list.props.detachAction).toBeUndefined();
    expect(elements(tree, ActionButton)).toHaveLength(0);
  });

  it('the PP sees the pupils of their class and the pupils without class, and may place them in their class only (no detach)', async () => {
    const tree = await run('MAIN_TEACHER');
    expect(mentions(tree, pupils.own)).toBe(true);
    expect(mentions(tree, pupils.without)).toBe(true);
    expect(mentions(tree, pupils.otherClass)).toBe(false);
    const [list] = elements(tree, UnassignedPupils);
    expect(list.props.moveAction).toBe(movePupilsAction);
    expect(list.props.detachAction).toBeUndefined();
    expect((list.props.classes as { id: string }[]).map((c) => c.id)).toEqual([team.classA.id]);
  });

  it('a teacher sees no pupil at all, and is told who does', async () => {
    const tree = await run('TEACHER');
    for (const id of Object.values(pupils)) expect(mentions(tree, id)).toBe(false);
    expect(elements(tree, UnassignedPupils)).toHaveLength(0);
    expect(strings(tree).join(' ')).toMatch(/liste des élèves est réservée/);
  });

  it("another collège's principal sees none of ours", async () => {
    const tree = await run('OTHER_STAFF');
    for (const id of [pupils.own, pupils.otherClass, pupils.without]) expect(mentions(tree, id)).toBe(false);
    expect(mentions(tree, pupils.otherCollege)).toBe(true);
  });
});

// ── tabs, badges and links: no door that then refuses ──
describe('tabs and links to the pupils', () => {
  const hrefs = (tree: unknown) =>
    [...nodes(tree)]
      .filter(isValidElement)
      .map((e) => (e.props as { href?: string }).href)
      .filter(Boolean);

  it.each([
    ['PRINCIPAL', true, true],
    ['SECRETARY', true, true],
    ['CPE', true, true],
    ['COUNSELOR', true, false],
    ['MAIN_TEACHER', true, true],
    ['TEACHER', false, false],
  ] as const)('%s: « Élèves » tab %s, badge of pupils without class %s', async (role, tab, badge) => {
    const actor = await loadActor({ userId: actors[role], host: 'localhost' });
    const tree = await EstablishmentTabs({ actor, member: actor.member!, current: 'home' });
    expect(hrefs(tree).includes('/etablissement/eleves')).toBe(tab);
    expect([...nodes(tree)].some((n) => isValidElement(n) && (n.props as Record<string, unknown>)['data-testid'] === 'badge-classes')).toBe(badge);
  });

  it.each([
    ['PRINCIPAL', true],
    ['MAIN_TEACHER', true],
    ['COUNSELOR', false],
    ['TEACHER', false],
  ] as const)('%s: « Choisissez une classe » links on the home and classes pages: %s', async (role, shown) => {
    asRole(role);
    const home = (await page(() => EstablishmentHome())) as { tree: unknown };
    const classes = (await page(() => ClassesPage())) as { tree: unknown };
    expect(hrefs(home.tree).includes('/etablissement/eleves')).toBe(shown);
    expect(hrefs(classes.tree).includes('/etablissement/eleves')).toBe(shown);
  });
});
