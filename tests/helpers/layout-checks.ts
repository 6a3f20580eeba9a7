import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const PHONE = { width: 360, height: 740 };

/** How wide the document is against the viewport, and (for a readable failure) what sticks out past its right edge. */
export async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow !== 'visible') return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > viewport + 0.5);
    const outermost = (list: Element[]) => list.filter((element) => !list.some((other) => other !== element && other.contains(element)));
    // What is not inside a scroll box of its own; failing that (something clipped still widens the page), the widest.
    const unclipped = outermost(wide.filter((element) => !clipped(element)));
    const suspects =
      unclipped.length > 0 ? unclipped : wide.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    const culprits = suspects.slice(0, 5).map(
      (element) =>
        `${element.tagName.toLowerCase()}.${String(element.getAttribute('class') ?? '')
          .split(' ')
          .slice(0, 4)
          .join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`,
    );
    return { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, culprits };
  });
}

/**
 * Opens each closed disclosure in <main> that is not inside a scroll box of its own (menus, date pickers, filters)
 * and reports the ones whose panel reaches past either edge of the screen.
 */
export async function disclosureProblems(page: Page, name: string) {
  const problems: string[] = [];
  // Handles, not locators: a locator for "closed ones" would shift as soon as one opens.
  for (const summary of await page.locator('main details:not([open]) > summary').elementHandles()) {
    const inScrollBox = await summary.evaluate((element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement)
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      return false;
    });
    if (inScrollBox || !(await summary.isVisible())) continue;
    await summary.click();
    const edges = await summary.evaluate((element) => {
      const parts = [...(element.parentElement?.children ?? [])]
        .filter((child) => child !== element)
        .map((child) => child.getBoundingClientRect());
      return {
        left: Math.min(...parts.map((rect) => rect.left)),
        right: Math.max(...parts.map((rect) => rect.right)),
        viewport: document.documentElement.clientWidth,
      };
    });
    if (edges.left < 0 || edges.right > edges.viewport + 0.5)
      problems.push(
        `${name}: "${(await summary.innerText()).trim()}" opens from ${Math.round(edges.left)} to ${Math.round(edges.right)} px`,
      );
    await summary.click();
  }
  return problems;
}

/** The box of the first visible element for a locator, or null. */
export async function box(page: Page, selector: Parameters<Page['locator']>[0]) {
  return page.locator(selector).first().boundingBox();
}

export function insideScreen(rect: { x: number; y: number; width: number; height: number } | null, screen = PHONE) {
  return rect !== null && rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= screen.width && rect.y + rect.height <= screen.height;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** axe-core's WCAG 2.0–2.2 A/AA rules (target size included): the serious and critical findings on this page. */
export async function seriousAxeViolations(page: Page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<Record<'passes' | 'violations' | 'incomplete', AxeViolation[]>> };
      }
    ).axe;
    // resultTypes: every rule still runs and every violation keeps all its nodes; passes keep one node each.
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    const checked = [...result.passes, ...result.violations, ...result.incomplete].map((rule) => rule.id);
    return checked.includes('target-size')
      ? result.violations
      : [{ id: 'target-size', impact: 'critical', help: 'axe did not check target sizes', nodes: [] }];
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} → ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .slice(0, 4)
          .join(', ')}`,
    );
}
