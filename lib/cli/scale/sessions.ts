import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { currentTotp } from '@/lib/auth/totp';
import { DEMO_COMPANIES, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@/lib/demo/accounts';
import { Visitor } from './browser';
import { report } from './report';

const SIGN_IN = 'lib/auth/actions.ts#signInAction';
const VERIFY = 'lib/auth/actions.ts#verifySecondFactorAction';
const FIRST = DEMO_COMPANIES[0].id;
// lib/auth/throttle.ts's MAX_FAILURES_PER_ACCOUNT_ADDRESS (that module is server-only; this program runs outside React).
const MAX_FAILURES_PER_ACCOUNT_ADDRESS = 5;

/** Password, then the app code, both through `base`; returns where the second step sent the user. */
async function signIn(visitor: Visitor, base: string, email: string): Promise<string | null> {
  await visitor.action(base, '/nb/login', SIGN_IN, { email, password: DEMO_PASSWORD });
  const second = await visitor.action(base, '/nb/login/verify', VERIFY, { method: 'totp', code: await currentTotp(DEMO_TOTP_SECRET) });
  return second.location;
}

async function userId(db: Database, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row.id;
}

const casesPage = async (visitor: Visitor, base: string) => (await visitor.get(base, '/nb/cases')).status;

/** Sessions, roles and sign-out across two instances: what one decides, the other enforces at the next request. */
export async function checkSessions(
  db: Database,
  actionIds: Map<string, string>,
  a: string,
  b: string,
  someCasePath: string,
  whileSignedIn: (admin: Visitor) => Promise<void>,
) {
  const admin = new Visitor(actionIds);
  const writer = new Visitor(actionIds);
  const adminLanded = await signIn(admin, a, 'admin@demo.no');
  const writerLanded = await signIn(writer, a, 'skriv@demo.no');
  const onB = [await casesPage(admin, b), await casesPage(writer, b)];
  report(
    onB.every((status) => status === 200) && Boolean(adminLanded?.includes('/cases')),
    'signed in through instance A → signed in on instance B',
    `sign-in on A went to ${adminLanded} and ${writerLanded}; /nb/cases on B answered ${onB.join(' and ')}`,
  );

  // The writer's role in the first company: write → read, decided by the admin on A; the writer's next request on B
  // no longer gets the case page's payment form (write only).
  const writerId = await userId(db, 'skriv@demo.no');
  const hasPaymentForm = async () => (await writer.get(b, `${someCasePath}?action=payment`)).text.includes('name="amount"');
  const before = await hasPaymentForm();
  const change = await admin.action(a, '/nb/settings/users', 'lib/users/actions.ts#updateMemberAccessAction', {
    companyId: FIRST,
    userId: writerId,
    role: 'read',
    companyIds: [FIRST],
    scope: [FIRST],
  });
  const after = await hasPaymentForm();
  report(
    before && !after,
    'a role change made on A bites on B at the next request',
    `the case page on B ${before ? 'with' : 'without'} the payment form before; the admin's change to Lese on A: ${change.location ?? change.status}; on B after: ${after ? 'with' : 'without'} it`,
  );

  const caseBefore = (await writer.get(b, someCasePath)).status;
  const removal = await admin.action(a, '/nb/settings/users', 'lib/users/actions.ts#deleteUserAction', {
    companyId: FIRST,
    userId: writerId,
  });
  const caseAfter = (await writer.get(b, someCasePath)).status;
  report(
    caseBefore === 200 && caseAfter === 404,
    'a removal made on A bites on B at the next request',
    `a case of the company on B before: ${caseBefore}; removal on A: ${removal.location ?? removal.status}; on B after: ${caseAfter}`,
  );

  await whileSignedIn(admin);
  const signedInOnB = await casesPage(admin, b);
  const cookie = admin.cookieHeader();
  const signOut = await admin.action(a, '/nb/cases', 'lib/auth/actions.ts#signOutAction', {}, { plain: true });
  // The old cookie, replayed on B (as a stolen copy would be): the session is over on both.
  const replay = await fetch(new URL('/nb/cases', b), { redirect: 'manual', headers: { Cookie: cookie } });
  const replayOnA = await fetch(new URL('/nb/cases', a), { redirect: 'manual', headers: { Cookie: cookie } });
  const toLogin = (response: Response) =>
    response.status >= 300 && response.status < 400 && (response.headers.get('location') ?? '').includes('/login');
  report(
    signedInOnB === 200 && toLogin(replay) && toLogin(replayOnA),
    'signing out on A ends the session on both',
    `admin on B before: ${signedInOnB}; sign-out on A: ${signOut.location ?? signOut.status}; the old cookie then on B: ${replay.status} → ${replay.headers.get('location')}, on A: ${replayOnA.status} → ${replayOnA.headers.get('location')}`,
  );
}

/** A parallel burst of wrong passwords for one account, half to each instance: at most the limit is checked. */
export async function checkThrottle(actionIds: Map<string, string>, a: string, b: string) {
  const attempts = 14;
  const answers = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      new Visitor(actionIds).action(i % 2 === 0 ? a : b, '/nb/login', SIGN_IN, { email: 'les@demo.no', password: `feil-passord-${i}` }),
    ),
  );
  const checked = answers.filter((answer) => answer.text.includes('auth.errors.invalidCredentials')).length;
  const throttled = answers.filter((answer) => answer.text.includes('auth.errors.throttled')).length;
  report(
    checked <= MAX_FAILURES_PER_ACCOUNT_ADDRESS && checked + throttled === attempts,
    `the sign-in throttle counts across both instances (limit ${MAX_FAILURES_PER_ACCOUNT_ADDRESS} per account and address)`,
    `${attempts} wrong passwords at once, ${attempts / 2} to each instance: ${checked} checked ("wrong password"), ${throttled} throttled`,
  );
}
