import { MatchingRule, pickRoutingRule } from './pick-routing-rule';

const rule = (id: string, branchDepth: number, categoryDepth: number, priority = 0): MatchingRule => ({
  id,
  agencyId: `agency-${id}`,
  branchDepth,
  categoryDepth,
  priority,
});

describe('pickRoutingRule', () => {
  it('returns null when no rule matches', () => {
    expect(pickRoutingRule([])).toBeNull();
  });

  it('prefers the deepest branch over a deeper category and a higher priority', () => {
    const national = rule('a', 0, 2, 100);
    const regional = rule('b', 2, 1, 0);
    expect(pickRoutingRule([national, regional])?.id).toBe('b');
  });

  it('among equal branches prefers the deepest category', () => {
    expect(pickRoutingRule([rule('a', 2, 1, 50), rule('b', 2, 2, 0)])?.id).toBe('b');
  });

  it('among equal depths prefers the highest priority', () => {
    expect(pickRoutingRule([rule('a', 2, 2, 1), rule('b', 2, 2, 5), rule('c', 2, 2, 3)])?.id).toBe('b');
  });

  it('a district rule beats a regional one, which beats a national one', () => {
    const rules = [rule('national', 0, 1), rule('regional', 2, 1), rule('district', 3, 1)];
    expect(pickRoutingRule(rules)?.id).toBe('district');
    expect(pickRoutingRule(rules.slice(0, 2))?.id).toBe('regional');
  });

  it('is independent of the order of the candidates', () => {
    const rules = [rule('x', 1, 1, 1), rule('y', 1, 1, 1), rule('z', 0, 3, 9)];
    const reversed = [...rules].reverse();
    expect(pickRoutingRule(rules)?.id).toBe(pickRoutingRule(reversed)?.id);
  });
});
