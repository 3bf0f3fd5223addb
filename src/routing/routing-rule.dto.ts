import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class CreateRoutingRuleDto {
  @IsUUID()
  categoryId: string;

  @IsUUID()
  agencyId: string;

  /** Territory the rule applies to (the branch and its subtree); absent = everywhere. */
  @IsOptional()
  @IsUUID()
  branchId?: string;

  /** Breaks ties between rules of equal branch and category depth; higher wins. */
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number;
}

export class RoutingRuleView {
  id: string;
  categoryId: string;
  agencyId: string;
  branchId: string | null;
  priority: number;
}

export class ResolveRoutingQuery {
  @IsUUID()
  categoryId: string;

  @IsUUID()
  branchId: string;
}

/** The rule an appeal of this category registered at this branch would be routed by; null = none. */
export class RoutingResolutionView {
  rule: RoutingRuleView | null;
}
