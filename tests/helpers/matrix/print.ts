// The matrix as a text grid for the test's output: one line per action (or route) and place, one
// column per role; a cell that differs from the table shows « got≠expected ».
import { ROLES, type RoleKey } from './world';

export type CellResult = { key: string; place: string; expected: Record<RoleKey, string>; actual: Record<RoleKey, string> };

export function formatMatrix(results: CellResult[], legend: Record<RoleKey, string>): string {
  const cell = (r: CellResult, role: RoleKey) => (r.actual[role] === r.expected[role] ? r.actual[role] : `${r.actual[role]}≠${r.expected[role]}`);
  const keyWidth = Math.max(...results.map((r) => r.key.length), 6);
  const widths = ROLES.map((role) => Math.max(role.length, ...results.map((r) => cell(r, role).length)));
  const line = (key: string, place: string, cells: string[]) => [key.padEnd(keyWidth), place.padEnd(5), ...cells.map((c, i) => c.padEnd(widths[i]))].join('  ').trimEnd();
  const cells = results.length * ROLES.length;
  const wrong = results.reduce((n, r) => n + ROLES.filter((role) => r.actual[role] !== r.expected[role]).length, 0);
  return [
    `Authorization matrix: ${new Set(results.map((r) => r.key)).size} actions and route handlers, ${results.length} rows, ${cells} cells, ${wrong} not as expected`,
    '',
    line('', 'place', [...ROLES]),
    ...results.map((r) =>
      line(
        r.key,
        r.place,
        ROLES.map((role) => cell(r, role)),
      ),
    ),
    '',
    ...ROLES.map((role) => `${role.padEnd(5)} ${legend[role]}`),
    'ok done (the row changed) · 401 sign in · 403 forbidden · 404 not found · 409 refused by a rule · routes: the HTTP status',
  ].join('\n');
}
