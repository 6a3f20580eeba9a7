import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { sessions } from '@/db/schema';
import { getLiveSession } from '@/lib/auth/session';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { makeUser } from '@/tests/helpers/factories';

const MINUTE = 60_000;
// Reference: 30 minutes without a request end a signed-in session (README, Sign-in and security).
const IDLE_MINUTES = 30;

describe('idle timeout', () => {
  it(`ends a signed-in session after ${IDLE_MINUTES} minutes without a request; each request keeps it alive`, async () => {
    const user = await makeUser(db);
    const client = { ipAddress: '10.130.0.1', userAgent: 'vitest' };
    const step1 = await authenticatePassword(db, user.email, user.password, client);
    if (!step1.ok) throw new Error(step1.reason);
    const done = await verifySecondFactor(
      db,
      { sessionId: step1.sessionId, userId: user.id, email: user.email },
      await generate({ secret: user.totpSecret }),
      client,
    );
    if (!done.ok) throw new Error(done.reason);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, done.sessionId));
    const start = row?.lastSeenAt ?? new Date();
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

    // Requests every 25 minutes for two hours keep it alive (the activity is stored, so any instance sees it).
    for (let minutes = 25; minutes <= 125; minutes += 25) expect(await getLiveSession(db, done.sessionId, at(minutes))).not.toBeNull();
    const [touched] = await db.select().from(sessions).where(eq(sessions.id, done.sessionId));
    expect(touched?.lastSeenAt?.getTime()).toBe(at(125).getTime());
    // Then a pause of 31 minutes: over.
    expect(await getLiveSession(db, done.sessionId, at(125 + IDLE_MINUTES + 1))).toBeNull();
  });
});
