/** A rule that matches an appeal, with how deep its branch and category sit in their trees. */
export interface MatchingRule {
  id: string;
  agencyId: string;
  /** Depth of the rule's branch (1 = root); 0 when the rule applies everywhere. */
  branchDepth: number;
  /** Depth of the rule's category (1 = top-level topic). */
  categoryDepth: number;
  priority: number;
}

/**
 * API.md resolution order among the matching rules: the deepest branch wins, then the deepest
 * category, then the highest priority; the rule id breaks exact ties so the answer is stable.
 */
export function pickRoutingRule(rules: readonly MatchingRule[]): MatchingRule | null {
  let best: MatchingRule | null = null;
  for (const rule of rules) {
    if (!best || compare(rule, best) < 0) best = rule;
  }
  return best;
}

function compare(a: MatchingRule, b: MatchingRule): number {
  return b.branchDepth - a.branchDepth || b.categoryDepth - a.categoryDepth || b.priority - a.priority || a.id.localeCompare(b.id);
}
