import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { letters } from '@/db/schema';
import { runEngine } from '@/lib/engine/run';
import { renderLetterPdf } from '@/lib/letters/pdf';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

describe("a letter's PDF", () => {
  it('prints the payment information stored with the letter, and parses back', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    const [letter] = await db.select().from(letters).where(eq(letters.caseId, debtCase.id));
    const pdf = await renderLetterPdf({
      title: `Purring ${letter!.content.caseNumber}`,
      sentOn: letter!.sentOn,
      facts: [['Kreditor', letter!.content.creditor.name]],
      amounts: [['Hovedstol', String(letter!.principalOre)]],
      paragraphs: ['Æ ø å'],
      paymentHeading: 'Betalingsinformasjon',
      payment: [
        ['KID', letter!.kid],
        ['Beløp', String(letter!.amountDueOre)],
        ['Frist', letter!.deadlineOn!],
      ],
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain(letter!.kid);
    expect(text).toContain(String(letter!.amountDueOre));
    expect(text).toContain('2025-03-29');
    expect(text).toContain('Æ ø å');
    expect(letter!.amountDueOre).toBe(1_000_000 + 3_500 + 4_795); // P − D = 14 days of 12.5 % on 10 000 kr = 47.95 kr
  });
});
