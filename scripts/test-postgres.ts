// `npm run test:postgres`: the integration tests against a throwaway local PostgreSQL that this
// script starts and stops itself (scripts/throwaway-postgres.ts).
import { spawnSync } from 'node:child_process';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

const pg = await startThrowawayPostgres();
let code: number;
try {
  const url = `${pg.server}/postgres`;
  console.log(`PostgreSQL de test sur ${url}`);
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--selectProjects', 'node', '--maxWorkers=2', '--testPathPatterns', 'tests/integration', ...process.argv.slice(2)],
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
