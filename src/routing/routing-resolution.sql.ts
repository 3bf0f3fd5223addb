/**
 * The agency a routing rule sends an appeal to (API.md "Reference data"), as a scalar subquery
 * over the appeal's category and branch paths: rules whose category is the appeal's or an
 * ancestor, and whose branch is absent or the appeal's or an ancestor; the deepest branch wins,
 * then the deepest category, then the highest priority, and the smallest rule id breaks an exact
 * tie so the answer is stable. NULL when no rule matches. `column` = 'id' names the winning rule
 * instead (the administrator's "which agency would get this?" tester).
 */
export function routedAgencySql(categoryPath: string, branchPath: string, column: 'agency_id' | 'id' = 'agency_id'): string {
  return `(
    SELECT r.${column}
      FROM routing_rules r
      JOIN categories rc ON rc.id = r.category_id
      LEFT JOIN branches rb ON rb.id = r.branch_id
     WHERE rc.path @> ${categoryPath}
       AND (r.branch_id IS NULL OR rb.path @> ${branchPath})
     ORDER BY coalesce(nlevel(rb.path), 0) DESC, nlevel(rc.path) DESC, r.priority DESC, r.id::text COLLATE "C"
     LIMIT 1)`;
}
