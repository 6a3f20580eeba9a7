import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// `npm test`: typecheck → lint → unit → integration → build → e2e, stopping at the first failure,
// then one closing line with the number of tests that passed and failed.
const RESULTS = path.resolve('.data/test-results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

function run(title: string, command: string, args: string[]) {
  console.log(`\n━━ ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  console.log(`━━ ${title} ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function vitest(project: string) {
  const output = path.join(RESULTS, `${project}.json`);
  return run(project, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
}

function tally() {
  let passed = 0;
  let failed = 0;
  for (const project of ['unit', 'integration', 'e2e']) {
    const file = path.join(RESULTS, `${project}.json`);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  return { passed, failed };
}

const steps: (() => boolean)[] = [
  () => run('typecheck', 'npm', ['run', 'typecheck']),
  () => run('lint', 'npm', ['run', 'lint']),
  () => vitest('unit'),
  () => vitest('integration'),
  () => run('build', 'npx', ['next', 'build']),
  () => vitest('e2e'),
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
const { passed, failed } = tally();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
