import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Actions that run before there is a member to authorise: sign-in steps, sign-out, invitation acceptance.
// setLocaleAction and updateProfileAction concern only the signed-in user's own row and call requireUser.
const PUBLIC_ACTIONS = new Set(['signInAction', 'verifySecondFactorAction', 'signOutAction', 'setLocaleAction', 'acceptInvitationAction', 'updateProfileAction', 'updateNotificationSettingsAction']);

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === 'actions.ts' ? [full] : [];
  });
}

/** Splits a file into its exported async functions' bodies. */
function exportedActions(source: string) {
  const starts = [...source.matchAll(/export async function (\w+)/g)];
  return starts.map((match, index) => ({
    name: match[1] ?? '',
    body: source.slice(match.index, starts[index + 1]?.index ?? source.length),
  }));
}

describe('server actions', () => {
  const files = actionFiles('lib');

  it('are found', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('every exported action calls a gate entry point, or is a known public action', () => {
    const unguarded = files.flatMap((file) =>
      exportedActions(readFileSync(file, 'utf8'))
        .filter((action) => !PUBLIC_ACTIONS.has(action.name) && !/\brequire(Role|CaseRole|Companies|Staff)\(/.test(action.body))
        .map((action) => `${file}: ${action.name}`),
    );
    expect(unguarded).toEqual([]);
  });

  it('public actions that need a signed-in user call requireUser', () => {
    const source = readFileSync('lib/auth/actions.ts', 'utf8');
    const setLocale = exportedActions(source).find((action) => action.name === 'setLocaleAction');
    expect(setLocale?.body).toContain('requireSignedIn()');
    const updateProfile = exportedActions(readFileSync('lib/users/actions.ts', 'utf8')).find((action) => action.name === 'updateProfileAction');
    expect(updateProfile?.body).toContain('requireSignedIn()');
    const notifications = exportedActions(readFileSync('lib/notifications/actions.ts', 'utf8')).find((action) => action.name === 'updateNotificationSettingsAction');
    expect(notifications?.body).toContain('requireSignedIn()');
  });
});
