import { parseAppealSearch } from './appeal-search';

describe('parseAppealSearch', () => {
  it.each([
    ['921029350851', { kind: 'iin', value: '921029350851' }],
    ['8 707 123 45 67', { kind: 'phone', value: '+77071234567' }],
    ['+7 (707) 123-45-67', { kind: 'phone', value: '+77071234567' }],
    ['87071234567', { kind: 'phone', value: '+77071234567' }],
    ['ala-2026-000042', { kind: 'number', value: 'ALA-2026-000042' }],
    [' ALA-2026-000042 ', { kind: 'number', value: 'ALA-2026-000042' }],
    ['Иванов  жөндеу', { kind: 'words', tsquery: 'иванов:* & жөндеу:*' }],
    ["протечка' | !крыши", { kind: 'words', tsquery: 'протечка:* & крыши:*' }],
  ])('%s', (q, expected) => {
    expect(parseAppealSearch(q)).toEqual(expected);
  });

  it('refuses a query without any word', () => {
    expect(() => parseAppealSearch('!!! ---')).toThrow(/q/);
  });
});
