// The layering rules of ARCHITECTURE.md, checked on every import (`npm run lint:layers`):
//   1. lib/core imports no area (an area is a folder of lib/ other than core and generated);
//   2. no two areas import each other (lib/a → lib/b and lib/b → lib/a, directly; core: rule 1);
//   3. pages (app/**) do not import lib/core/db: they read through lib/<area>/queries.ts.
// Imports are read with the TypeScript parser: static imports, `export … from`, `import()`,
// `require()` and `import('…')` types; type-only imports count too (marked). Exits 1 on a violation.
//   tsx scripts/check-layers.ts [root]   (root: the project, by default this script's parent folder)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const NOT_AN_AREA = new Set(['core', 'generated']);

type Import = { file: string; line: number; specifier: string; target: string; typeOnly: boolean };

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const posix = (p: string) => p.split(sep).join('/');

/** The project path an import points at (no extension), or null for a package. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  let abs: string;
  if (specifier.startsWith('@/')) abs = join(root, specifier.slice(2));
  else if (specifier.startsWith('./') || specifier.startsWith('../')) abs = resolve(dirname(fromFile), specifier);
  else return null;
  return posix(relative(root, abs))
    .replace(SOURCE, '')
    .replace(/\/index$/, '');
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const kind = /\.(tsx|jsx)$/.test(file) ? ts.ScriptKind.TSX : /\.(js|mjs|cjs)$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: Import[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const target = resolveSpecifier(file, literal.text);
    if (target === null) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ file: posix(relative(root, file)), line, specifier: literal.text, target, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const allTypes = !!clause && !clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, !!clause?.isTypeOnly || allTypes);
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const areas = existsSync(join(root, 'lib')) ? readdirSync(join(root, 'lib')).filter((n) => !NOT_AN_AREA.has(n) && statSync(join(root, 'lib', n)).isDirectory()) : [];
/** 'lib/<area>/…' → area (core included), anything else (lib/generated, app/, emails/ …) → null. */
function areaOf(path: string): string | null {
  const m = /^lib\/([^/]+)(\/|$)/.exec(path);
  return m && (m[1] === 'core' || areas.includes(m[1])) ? m[1] : null;
}

const files = [...walk(join(root, 'app')), ...walk(join(root, 'lib')).filter((f) => !posix(relative(root, f)).startsWith('lib/generated/'))];
const imports = files.flatMap(importsOf);

const coreToArea: Import[] = [];
const pageToDb: Import[] = [];
const edges = new Map<string, Import[]>(); // 'a→b' → the imports that make it
for (const i of imports) {
  const from = areaOf(i.file);
  const to = areaOf(i.target);
  if (from === 'core' && to && to !== 'core') coreToArea.push(i);
  if (i.file.startsWith('app/') && (i.target === 'lib/core/db' || i.target.startsWith('lib/core/db/'))) pageToDb.push(i);
  if (from && to && from !== to) {
    const key = `${from}→${to}`;
    edges.set(key, [...(edges.get(key) ?? []), i]);
  }
}
const twoWay: { a: string; b: string; ab: Import[]; ba: Import[] }[] = [];
for (const [key, ab] of edges) {
  const [a, b] = key.split('→');
  const ba = edges.get(`${b}→${a}`);
  // A pair with core is rule 1 already (every area imports core).
  if (ba && a < b && a !== 'core' && b !== 'core') twoWay.push({ a, b, ab, ba });
}

const show = (i: Import) => `    ${i.file}:${i.line}  ${i.specifier}${i.typeOnly ? '  (type-only)' : ''}`;
let violations = 0;
function section(title: string, list: Import[]) {
  if (list.length === 0) return;
  console.log(`${title} (${list.length})`);
  for (const i of list) console.log(show(i));
  violations += list.length;
}
section('lib/core imports an area', coreToArea);
for (const { a, b, ab, ba } of twoWay.sort((x, y) => (x.a + x.b).localeCompare(y.a + y.b))) {
  section(`Two-way import between lib/${a} and lib/${b}: lib/${a} → lib/${b}`, ab);
  section(`Two-way import between lib/${a} and lib/${b}: lib/${b} → lib/${a}`, ba);
}
section('A page (app/**) imports lib/core/db (read through lib/<area>/queries.ts)', pageToDb);

const summary = `${files.length} files, ${imports.length} project imports, areas: ${['core', ...areas].join(', ')}`;
if (violations > 0) {
  console.log(
    `\n✖ ${violations} layering violation${violations > 1 ? 's' : ''} (${coreToArea.length} core → area, ${twoWay.length} two-way pair${twoWay.length === 1 ? '' : 's'}, ${pageToDb.length} page → db). ${summary}.`,
  );
  process.exit(1);
}
console.log(`✔ No layering violation. ${summary}.`);
