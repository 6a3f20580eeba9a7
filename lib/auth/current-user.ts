import 'server-only';
import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db';
import { auth } from './auth';
import { getLiveSession, type LiveSession } from './session';

/** The live server-side session for this request, or null (no cookie, revoked, expired, user gone). */
export const getCurrentSession = cache(async (): Promise<LiveSession | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return getLiveSession(db, session.sessionId);
});

/** A signed-in user who has completed the second factor; anyone else is sent to the right sign-in step. */
export const requireUser = cache(async (): Promise<LiveSession> => {
  const live = await getCurrentSession();
  const locale = await getLocale();
  if (!live) redirect(`/${locale}/login`);
  if (!live.secondFactorVerifiedAt) redirect(`/${locale}/login/verify`);
  return live;
});
