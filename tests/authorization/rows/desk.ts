import { interestRates, tasks } from '@/db/schema';
import { signUnsubscribeToken } from '@/lib/notifications/token';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

/** An open task of company A's case, as the desk creates it. */
async function openTask(fx: MatrixFixture) {
  const [task] = await fx.db
    .insert(tasks)
    .values({
      companyId: fx.companyId,
      caseId: fx.caseId,
      title: 'Bekreft adressen',
      body: 'Stemmer adressen til skyldner?',
      createdByUserId: fx.users.staff.id,
    })
    .returning({ id: tasks.id });
  if (!task) throw new Error('task insert failed');
  return task.id;
}

/** Each correction cell gives the desk row another figure than the one before (the same figure is refused as unchanged). */
let corrections = 0;

export const rows: MatrixRow[] = [
  {
    file: 'lib/tasks/actions.ts',
    name: 'createTaskAction',
    needs: 'staff',
    writes: true,
    input: (fx) => ({
      form: { caseId: fx.caseId, title: 'Send kopi av faktura', body: 'Vi trenger en kopi av fakturaen.', dueOn: '', assignee: '' },
    }),
  },
  {
    file: 'lib/tasks/actions.ts',
    name: 'changeTaskStatusAction',
    needs: 'staff',
    writes: true,
    input: async (fx) => ({ form: { taskId: await openTask(fx), action: 'close' } }),
  },
  {
    file: 'lib/tasks/actions.ts',
    name: 'answerTaskAction',
    needs: 'write',
    writes: true,
    input: async (fx) => ({ form: { caseId: fx.caseId, taskId: await openTask(fx), answer: 'Adressen stemmer.' } }),
  },
  {
    file: 'lib/messages/actions.ts',
    name: 'postAgencyMessageAction',
    needs: 'staff',
    writes: true,
    input: (fx) => ({ form: { caseId: fx.caseId, body: 'Skyldner har tatt kontakt.' } }),
  },
  {
    file: 'lib/messages/actions.ts',
    name: 'postCreditorMessageAction',
    needs: 'write',
    writes: true,
    input: (fx) => ({ form: { caseId: fx.caseId, body: 'Takk for beskjed.' } }),
  },
  {
    file: 'lib/desk/rates/actions.ts',
    name: 'addRateAction',
    needs: 'staff',
    writes: true,
    // A half-year far ahead, so the staff cell's one insert is the row it changes.
    input: () => ({ form: { kind: 'interest', validFrom: '2031-01-01', value: '12,25', source: 'Matrisetest: Norges Bank' } }),
  },
  {
    file: 'lib/desk/rates/actions.ts',
    name: 'correctRateAction',
    needs: 'staff',
    writes: true,
    // A desk row far ahead to correct, with a figure no other cell gives it, so the staff cell's one insert is the row it changes.
    input: async (fx) => {
      await fx.db
        .insert(interestRates)
        .values({ validFrom: '2032-01-01', rateBasisPoints: 1_200, source: 'Matrisetest' })
        .onConflictDoNothing();
      return {
        form: {
          kind: 'interest',
          validFrom: '2032-01-01',
          value: `12,${String(10 + (corrections++ % 90))}`,
          source: 'Matrisetest: rettet',
        },
      };
    },
  },
  {
    file: 'lib/notifications/actions.ts',
    name: 'updateNotificationSettingsAction',
    needs: 'signedIn',
    writes: true,
    // Both boxes unticked: a change from the defaults (both on).
    input: () => ({ form: {} }),
  },
  {
    file: 'app/api/notifications/unsubscribe/route.ts',
    name: 'POST',
    needs: 'public',
    writes: true,
    // The token is the permission (signed with the server's AUTH_SECRET, which the runner shares with the portal).
    input: (fx) => ({
      path: `/api/notifications/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken({ userId: fx.users.read.id, kind: 'tasks' }, process.env.AUTH_SECRET ?? ''))}`,
    }),
  },
];
