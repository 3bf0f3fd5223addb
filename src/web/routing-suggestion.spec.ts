import { suggestAgency } from '../../web/src/staff/routing-suggestion';

const rule = (id: string, categoryId: string, agencyId: string, branchId: string | null, priority = 0) => ({ id, categoryId, agencyId, branchId, priority });

describe('routing suggestion on the case page (API.md resolution order)', () => {
  const categories = [
    { id: 'housing', parentId: null },
    { id: 'repair', parentId: 'housing' },
  ];
  const branches = [
    { id: 'kz', parentId: null },
    { id: 'ala', parentId: 'kz' },
    { id: 'bos', parentId: 'ala' },
  ];

  it('prefers the deepest branch, then the deepest category, then the highest priority', () => {
    const rules = [rule('1', 'housing', 'national', null), rule('2', 'housing', 'akimat', 'ala'), rule('3', 'repair', 'repairs', null, 9)];
    expect(suggestAgency({ categoryId: 'repair', branchId: 'bos' }, rules, categories, branches)).toBe('akimat');
    expect(suggestAgency({ categoryId: 'repair', branchId: 'kz' }, rules, categories, branches)).toBe('repairs');
    const tie = [rule('a', 'housing', 'low', 'ala', 1), rule('b', 'housing', 'high', 'ala', 5)];
    expect(suggestAgency({ categoryId: 'housing', branchId: 'bos' }, tie, categories, branches)).toBe('high');
  });

  it('suggests nothing when no rule covers the case', () => {
    expect(suggestAgency({ categoryId: 'housing', branchId: 'bos' }, [rule('1', 'repair', 'x', null)], categories, branches)).toBeNull();
  });
});
