import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, decodeCursor, encodeCursor, parseCaseListParams } from '@/lib/case-list/schemas';
import { caseExportHref, caseListQuery } from '@/lib/case-list/url';
import { toSearchText } from '@/lib/search-text';

describe('toSearchText', () => {
  it('lower-cases, folds æ/ø/å and other accents, and collapses spaces', () => {
    expect(toSearchText('  Bjørn   BJØRNSTAD ')).toBe('bjorn bjornstad');
    expect(toSearchText('Åse Lærum')).toBe('ase laerum');
    expect(toSearchText('René Müller')).toBe('rene muller');
  });
});

describe('the case list URL', () => {
  it('gives the default view for an empty or blank query', () => {
    expect(parseCaseListParams({})).toEqual({ params: DEFAULT_PARAMS, invalid: [] });
    expect(parseCaseListParams({ q: '', status: '', from: '', to: '', company: '', sort: '' })).toEqual({
      params: DEFAULT_PARAMS,
      invalid: [],
    });
    expect(DEFAULT_PARAMS).toMatchObject({ q: '', status: 'all', sort: 'registered-desc', page: 1 });
  });

  it('resets only the bad values, and says which', () => {
    const { params, invalid } = parseCaseListParams({
      page: '-1',
      status: 'foo',
      from: '2026-13-45',
      to: '2026-02-30',
      q: 'Hansen',
      sort: 'amount-asc',
    });
    expect(params).toEqual({ ...DEFAULT_PARAMS, q: 'Hansen', sort: 'amount-asc' });
    expect(invalid.sort()).toEqual(['from', 'page', 'status', 'to']);
  });

  it('refuses a range that ends before it starts', () => {
    const { params, invalid } = parseCaseListParams({ from: '2026-03-01', to: '2026-02-01' });
    expect(params.from).toBeUndefined();
    expect(params.to).toBeUndefined();
    expect(invalid).toEqual(['from', 'to']);
  });

  it('takes the first of repeated parameters and ignores a page number without its cursor', () => {
    expect(parseCaseListParams({ status: ['paused', 'closed'], page: '7' }).params).toMatchObject({ status: 'paused', page: 1 });
  });

  it('drops a cursor that does not fit the sort order, and its page number with it', () => {
    const { params, invalid } = parseCaseListParams({ after: '2026-01-01T00:00:00.000000Z_not-a-uuid', page: '9' });
    expect(params).toEqual(DEFAULT_PARAMS);
    expect(invalid).toEqual(['after']);
  });

  it('round-trips cursors per sort order and rejects a cursor of another order', () => {
    const registered = {
      kind: 'registered',
      registeredAt: '2026-01-02T03:04:05.123456Z',
      id: '5eed0000-0000-4000-8000-000000000001',
    } as const;
    expect(decodeCursor('registered-desc', encodeCursor(registered))).toEqual(registered);
    expect(decodeCursor('amount-asc', encodeCursor({ kind: 'amount', amountOre: 12345, id: registered.id }))).toEqual({
      kind: 'amount',
      amountOre: 12345,
      id: registered.id,
    });
    expect(decodeCursor('number-asc', '100042')).toEqual({ kind: 'number', caseNumber: 100042 });
    expect(decodeCursor('number-asc', encodeCursor(registered))).toBeNull();
    expect(decodeCursor('registered-asc', '100042')).toBeNull();
  });

  it('builds short links: defaults and paging left out unless asked for', () => {
    const { params } = parseCaseListParams({ q: '31001', status: 'active', after: '100042', page: '3', sort: 'number-asc' });
    expect(caseListQuery(params)).toEqual({ q: '31001', status: 'active', sort: 'number-asc' });
    expect(caseListQuery(params, { status: 'all' })).toEqual({ q: '31001', sort: 'number-asc' });
    expect(caseListQuery(params, { after: '100092', page: 4 })).toMatchObject({ after: '100092', page: '4' });
    expect(caseExportHref(params, 'en')).toBe('/api/cases/export?q=31001&status=active&sort=number-asc&locale=en');
  });
});
