import 'server-only';
import { cache } from 'react';
import { db } from '@/db';
import { auth } from './auth';
import { getLiveSession, type LiveSession } from './session';

/**
 * The live server-side session for this request, or null (no cookie, revoked, expired, user gone). Identity
 * only: access is decided by lib/auth/gate.ts; the sign-in steps use this to find a pending session.
 */
export const getCurrentSession = cache(async (): Promise<LiveSession | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return getLiveSession(db, session.sessionId);
});
