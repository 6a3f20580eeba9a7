import 'server-only';
import { requireSignedIn } from '@/lib/auth/gate';
import { assertRecentlyAuthenticated } from './mutations';

/**
 * For actions that hand out a standing secret (an API key, a webhook's signing secret): the password entered within
 * the last 10 minutes in this session, as for the security settings (signing in counts; "Bekreft passordet ditt"
 * renews it). Throws the translated DomainError `security.errors.reauthRequired`. Call it after the gate.
 */
export async function requireRecentPassword(now: Date = new Date()) {
  const live = await requireSignedIn();
  assertRecentlyAuthenticated(
    { userId: live.userId, sessionId: live.sessionId, email: live.email, locale: live.locale, reauthenticatedAt: live.reauthenticatedAt },
    now,
  );
}
