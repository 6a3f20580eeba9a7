import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import type { NotificationSettings } from './schemas';

export async function getNotificationSettings(tx: Executor, userId: string): Promise<NotificationSettings> {
  const [row] = await tx.select({ tasks: users.notifyTasks, messages: users.notifyMessages }).from(users).where(eq(users.id, userId));
  return row ?? { tasks: true, messages: true };
}
