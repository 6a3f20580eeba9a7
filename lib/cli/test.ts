import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// `npm test`: typecheck ‖ lint → unit → integration ‖ build → e2e, stopping after the first stage with a failure,
// then one closing line with the number of tests that passed and failed. Steps in one stage run side by side (on
// two cores they mostly wait on different things); a side-by-side step's output is printed whole when it ends.
const RESULTS = path.resolve('.data/test-results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

type Step = { title: string; command: string; args: string[]; env?: Record<string, string> };

function step(title: string, command: string, args: string[], env?: Record<string, string>): Step {
  return { title, command, args, env };
}

function vitest(project: string): Step {
  const output = path.join(RESULTS, `${project}.json`);
  return step(project, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
}

/** Runs one step; `alone` lets it write to the terminal as it goes, else its output waits in a log file. */
function run({ title, command, args, env }: Step, alone: boolean): Promise<boolean> {
  console.log(`\n━━ ${title}: ${[command, ...args].join(' ')}${alone ? '' : ' (side by side; output when it ends)'}`);
  const started = Date.now();
  const log = path.join(RESULTS, `${title}.log`);
  const child = spawn(command, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const file = alone ? null : createWriteStream(log);
  if (file) {
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  return new Promise((resolve) => {
    child.on('close', (status) => {
      const ok = status === 0;
      const finish = () => {
        if (file) console.log(`\n━━ ${title} output:\n${readFileSync(log, 'utf8')}`);
        console.log(`━━ ${title} ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve(ok);
      };
      if (file) file.end(finish);
      else finish();
    });
  });
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

const stages: Step[][] = [
  [step('typecheck', 'npm', ['run', 'typecheck']), step('lint', 'npm', ['run', 'lint'])],
  [vitest('unit')],
  // The typecheck stage has checked these very sources (tsc --noEmit), so the build skips its own pass (next.config.ts).
  [vitest('integration'), step('build', 'npx', ['next', 'build'], { BUILD_SKIP_TYPECHECK: '1' })],
  [vitest('e2e')],
];

const started = Date.now();
let ok = true;
for (const stage of stages) {
  const results = await Promise.all(stage.map((s) => run(s, stage.length === 1)));
  if (results.includes(false)) {
    ok = false;
    break;
  }
}
const { passed, failed } = tally();
console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
process.exit(ok && failed === 0 ? 0 : 1);
