// `npm run test:postgres`: the integration tests against a throwaway local PostgreSQL that this
// script starts and stops itself (scripts/throwaway-postgres.ts).
import { spawnSync } from 'node:child_process';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

// `npm run test:postgres -- <pattern>…`: the integration files matching one of the patterns (Jest ORs
// its path patterns: a bare 'tests/integration' next to them would run every file). Jest's own options
// after them in the --name=value form (--testNamePattern=…).
const args = process.argv.slice(2);
const patterns = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
const integrationFiles = patterns.length ? `tests/integration/.*(?:${patterns.join('|')})` : 'tests/integration';

const pg = await startThrowawayPostgres();
let code: number;
try {
  const url = `${pg.server}/postgres`;
  console.log(`PostgreSQL de test sur ${url}`);
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--selectProjects', 'node', '--maxWorkers=2', '--testPathPatterns', integrationFiles, ...flags],
    {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: '--experimental-vm-modules' },
    },
  );
  code = jest.status ?? 1;
} finally {
  pg.stop();
}
process.exit(code);
