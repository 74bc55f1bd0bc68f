// What the matrix must cover, read from the code at test time: every exported async function of every
// 'use server' file under lib/ and app/, and every exported HTTP method of every app/**/route.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function files(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: false }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('generated') && !f.includes('node_modules'));
}

/** A 'use server' module: the directive before any other statement (comments aside). */
const isServerModule = (src: string) => /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*['"]use server['"]/.test(src);

export type ServerAction = { file: string; name: string };

export function serverActions(): ServerAction[] {
  const out: ServerAction[] = [];
  for (const file of [...files('lib'), ...files('app')]) {
    const src = readFileSync(join(ROOT, file), 'utf8');
    if (!isServerModule(src)) continue;
    for (const m of src.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*async\b)/g)) out.push({ file, name: m[1] ?? m[2] });
  }
  return out;
}

export type RouteHandler = { file: string; path: string; method: string; key: string };

export function routeHandlers(): RouteHandler[] {
  const out: RouteHandler[] = [];
  for (const file of files('app').filter((f) => /(^|\/)route\.tsx?$/.test(f))) {
    const src = readFileSync(join(ROOT, file), 'utf8');
    const path = `/${file.replace(/^app\//, '').replace(/\/route\.tsx?$/, '')}`.replace(/\/\([^)]+\)/g, '');
    const methods = new Set<string>();
    for (const m of src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) if (METHODS.includes(m[1])) methods.add(m[1]);
    for (const m of src.matchAll(/export\s*\{([^}]*)\}/g))
      for (const part of m[1].split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop()!;
        if (METHODS.includes(name)) methods.add(name);
      }
    for (const method of methods) out.push({ file, path, method, key: `${method} ${path}` });
  }
  return out;
}
