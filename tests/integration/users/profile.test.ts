import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, users } from '@/db/schema';
import { updateProfile } from '@/lib/users/mutations';
import { profileSchema } from '@/lib/users/schemas';
import { makeUser } from '@/tests/helpers/factories';

describe('the profile', () => {
  it('changes name and phone (not the email) and records which fields changed', async () => {
    const user = await makeUser(db);
    const input = profileSchema.parse({ name: '  Kari Nordmann ', phone: '+47 912 34 567' });
    await db.transaction((tx) => updateProfile(tx, user.id, input));
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ name: 'Kari Nordmann', phone: '+4791234567', email: user.email });
    const [event] = await db.select().from(events).where(eq(events.subjectId, user.id));
    expect(event).toMatchObject({ type: 'user.profile_updated', actorUserId: user.id, data: { fields: ['name', 'phone'] } });

    await db.transaction((tx) => updateProfile(tx, user.id, profileSchema.parse({ name: 'Kari Nordmann', phone: '' })));
    const [cleared] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
    expect(cleared?.phone).toBeNull();
  });

  it('refuses an empty name and a phone that is not a number, and ignores an email field', () => {
    const empty = profileSchema.safeParse({ name: ' ', phone: '' });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['name'], message: 'validation.required' });
    const phone = profileSchema.safeParse({ name: 'Kari', phone: 'ring meg' });
    expect(phone.error?.issues[0]).toMatchObject({ path: ['phone'], message: 'users.errors.phone' });
    const withEmail = profileSchema.parse({ name: 'Kari', phone: '', email: 'ny@test.no' });
    expect(withEmail).toEqual({ name: 'Kari', phone: '' });
  });
});
