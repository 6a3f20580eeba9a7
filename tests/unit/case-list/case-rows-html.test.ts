import { describe, expect, it } from 'vitest';
import { caseRowsHtml, type RowOptions } from '@/components/case-list/case-rows-html';
import type { CaseListRow } from '@/lib/case-list/queries';
import { html, type Html } from '@/lib/html';
import { formatOreNumber } from '@/lib/money';

const row: CaseListRow = {
  id: '0b7c1f4e-0000-4000-8000-000000000001',
  companyId: 'c1',
  companyName: 'Vik & Sønn <AS>',
  caseNumber: 100123,
  invoiceNumbers: '"90001", 90002',
  debtorName: `<img src=x onerror=alert(1)> O'Brien`,
  customerNumber: 'K1',
  registeredOn: '2026-11-28',
  status: 'paused',
  stage: 'reminder',
  originalAmountOre: 123_456,
  balanceOre: -50,
  currency: 'NOK',
  cursor: 'x',
};

const options: RowOptions = {
  locale: 'nb',
  showCompany: true,
  caseHref: (id) => `/nb/cases/${id}`,
  texts: {
    status: (status) => `S:${status}`,
    stage: (stage) => `T:${stage}`,
    outstanding: 'Utestående',
    invoiceNumbers: 'Fakturanummer',
    registered: 'Registrert',
    stageLabel: 'Stadium',
    company: 'Selskap',
  },
};

describe('case rows as markup', () => {
  it('escapes every value, in text and in attributes', () => {
    expect(html`<a title="${`"><b>`}">${'a & b'}</a>${html`<i>kept</i>`}`.html).toBe(
      '<a title="&quot;&gt;&lt;b&gt;">a &amp; b</a><i>kept</i>',
    );
    const markup = caseRowsHtml([row], options).html;
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt; O&#39;Brien');
    expect(markup).toContain('Vik &amp; Sønn &lt;AS&gt;');
    expect(markup).toContain('&quot;90001&quot;, 90002');
  });

  it('trusts only markup the template made: a look-alike object is refused, not written out', () => {
    const forged = { html: '<script>alert(1)</script>' } as unknown as Html;
    expect(() => html`<td>${forged}</td>`).toThrow(TypeError);
    expect(html`<td>${html`<b>${'<i>'}</b>`}</td>`.html).toBe('<td><b>&lt;i&gt;</b></td>');
  });

  it('drops the line breaks and indentation written between tags, keeps the spaces inside a line', () => {
    expect(
      html`<tr>
      <td> ${'a'}</td>
    </tr>`.html,
    ).toBe('<tr><td> a</td></tr>');
  });

  it('renders the cells the list showed: link, status, stage, Oslo date, amounts in øre', () => {
    const table = caseRowsHtml([row], options).html;
    expect(table).toContain(`<a href="/nb/cases/${row.id}" class="text-brand-700 underline-offset-2 hover:underline">100123</a>`);
    expect(table).toContain('>S:paused</span>');
    expect(table).toContain('<td data-label="Stadium">T:reminder</td>');
    expect(table).toContain('>28.11.2026<');
    expect(table).toContain(`>${formatOreNumber(123_456, 'nb')}<`);
    expect(table).toContain(`>${formatOreNumber(-50, 'nb')}<`);
    expect(caseRowsHtml([row], { ...options, showCompany: false }).html).not.toContain('Vik');
    // One row per case, for phones too: the cells carry their column's name, the amount its currency below md.
    expect(table.match(/<tr /g)).toHaveLength(1);
    expect(table).toContain('<td data-label="Selskap" class="max-md:order-1">Vik &amp; Sønn &lt;AS&gt;</td>');
    expect(table).toContain(`${formatOreNumber(-50, 'nb')}<span class="md:hidden"> NOK</span>`);
  });
});
