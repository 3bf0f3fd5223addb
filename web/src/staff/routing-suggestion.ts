import type { Category, RoutingRule } from './work-api';

interface Node {
  id: string;
  parentId: string | null;
}

/** The node and its ancestors, nearest first. */
function lineage(id: string, nodes: Map<string, Node>): string[] {
  const out: string[] = [];
  for (let cur = nodes.get(id); cur && !out.includes(cur.id); cur = cur.parentId ? nodes.get(cur.parentId) : undefined) out.push(cur.id);
  return out;
}

/**
 * The agency the routing rules point to for a case (API.md "Reference data"): rules whose category is
 * the case's or an ancestor, whose branch is absent or the case's or an ancestor; the deepest branch
 * wins, then the deepest category, then the highest priority. Shown as the suggestion when routing.
 */
export function suggestAgency(
  appeal: { categoryId: string; branchId: string },
  rules: RoutingRule[],
  categories: Pick<Category, 'id' | 'parentId'>[],
  branches: Node[],
): string | null {
  const cats = lineage(appeal.categoryId, new Map(categories.map((c) => [c.id, c])));
  const brs = lineage(appeal.branchId, new Map(branches.map((b) => [b.id, b])));
  // Depth from the root: a larger number is deeper. Absent branch = shallower than any branch.
  const depth = (chain: string[], id: string | null) => (id === null ? -1 : chain.length - chain.indexOf(id));
  let best: { rule: RoutingRule; key: [number, number, number] } | null = null;
  for (const rule of rules) {
    if (!cats.includes(rule.categoryId)) continue;
    if (rule.branchId !== null && !brs.includes(rule.branchId)) continue;
    const key: [number, number, number] = [depth(brs, rule.branchId), depth(cats, rule.categoryId), rule.priority];
    if (!best || key[0] > best.key[0] || (key[0] === best.key[0] && (key[1] > best.key[1] || (key[1] === best.key[1] && key[2] > best.key[2])))) best = { rule, key };
  }
  return best?.rule.agencyId ?? null;
}
