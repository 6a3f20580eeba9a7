import { BaseSequencer, type TestSpecification } from 'vitest/node';

// How many e2e files run at once, each worker with its own portal server and database (tests/helpers/portal-server.ts).
// Two fill a 2-core machine: a test mostly waits on the server or the browser, so one worker leaves a core idle.
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);

// The longest e2e files, whose entries are short (the checks live in helpers): without a duration cache (a clean
// clone) vitest starts larger files first, which would leave these for last and one worker idle at the end.
const LONGEST = [
  'tests/e2e/small-screens-nb.test.ts',
  'tests/e2e/small-screens-en.test.ts',
  'tests/e2e/small-screens.test.ts',
  'tests/e2e/authorization-matrix.test.ts',
];

/** Vitest's order (by project, then by last duration or size), with each project's longest files moved first. */
export class LongestFirstSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = LONGEST.findIndex((file) => spec.moduleId.endsWith(file));
      return index < 0 ? LONGEST.length : index;
    };
    const byProject = new Map<string, TestSpecification[]>();
    for (const spec of await super.sort(files)) byProject.set(spec.project.name, [...(byProject.get(spec.project.name) ?? []), spec]);
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return [...byProject.values()].flatMap((specs) => [...specs].sort((a, b) => rank(a) - rank(b)));
  }
}
