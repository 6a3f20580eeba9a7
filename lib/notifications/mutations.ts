import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import { recordEvent } from '@/lib/events/record';
import type { NotificationSettings } from './schemas';
import type { UnsubscribeClaim } from './token';

async function save(tx: Executor, userId: string, settings: NotificationSettings, via: 'settings' | 'unsubscribe') {
  const [row] = await tx
    .update(users)
    .set({ notifyTasks: settings.tasks, notifyMessages: settings.messages })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!row) return false;
  await recordEvent(tx, { userId, companyId: null }, { type: 'user.notifications_changed', userId, data: { ...settings, via } });
  return true;
}

/** The user's own choice on Varslinger; takes effect from the next task or message on. */
export async function updateNotificationSettings(tx: Executor, userId: string, settings: NotificationSettings) {
  await save(tx, userId, settings, 'settings');
}

/** The unsubscribe link: turns off only the kind the token names. False when the user no longer exists. */
export async function unsubscribe(tx: Executor, claim: UnsubscribeClaim): Promise<boolean> {
  const [row] = await tx
    .select({ tasks: users.notifyTasks, messages: users.notifyMessages })
    .from(users)
    .where(eq(users.id, claim.userId))
    .for('update');
  if (!row) return false;
  return save(tx, claim.userId, { ...row, [claim.kind]: false }, 'unsubscribe');
}
