import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { db } from '@/db';
import { isProductionDeployment } from '@/lib/http/security-headers';
import { isValidHandoff, revokeSession, SESSION_MAX_AGE_SECONDS } from './session';
import { decodeSessionToken, encodeSessionToken } from './session-token';

declare module 'next-auth' {
  interface Session {
    sessionId?: string;
  }
}

// Auth.js only carries the cookie: the JWT holds our session id, and lib/auth/session.ts decides whether it lives.
// Configured lazily so `next build` never needs the secrets.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  // Secure-only cookies (the __Secure- name) in a real deployment; the demo also runs on plain http://localhost.
  useSecureCookies: isProductionDeployment(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // Auth.js's own JWE, remembered per cookie (every request decoded and re-encoded it; session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  providers: [
    Credentials({
      credentials: { sessionId: {}, handoff: {} },
      authorize(credentials) {
        const sessionId = String(credentials.sessionId ?? '');
        const handoff = String(credentials.handoff ?? '');
        return sessionId && isValidHandoff(sessionId, handoff) ? { id: sessionId } : null;
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out route (/api/auth/signout) clears the cookie; the session row must die with it.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(db, sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sid = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
}));
