import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The counters and shares of one row (API.md "Reports"); shares are fractions 0..1, null when the denominator is 0. */
export class ResolutionCountersView {
  received: number;
  /** Appeals with an outcome (an `answered` case awaiting the branch's check counts). */
  decided: number;
  positive: number;
  explained: number;
  rejected: number;
  withoutConsideration: number;
  withdrawn: number;
  /** Open and not answered yet: registered, routed, in_progress, paused. */
  pending: number;
  /** Deadline state overdue (open past due). */
  overdue: number;
  /** Deadline state met (answered on or before the due date). */
  answeredOnTime: number;
  /** Citizens' feedback on the answer received (portal, one per appeal). */
  feedbackReceived: number;
  /** Feedback that says the citizen is satisfied. */
  satisfied: number;
  @ApiProperty({ type: Number, nullable: true, description: 'positive / decided' })
  positiveShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'positive / received' })
  positiveShareOfReceived: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'answeredOnTime / decided' })
  onTimeShare: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'satisfied / feedbackReceived' })
  satisfiedShare: number | null;
}

export class ResolutionRowView extends ResolutionCountersView {
  @ApiProperty({
    type: Object,
    description:
      'branch: {branchId, code, name, own}; channel: {channel}; category: {categoryId, code, name, names, own}; agency: {agencyId, code, name} (null ids: not routed); none: {}',
  })
  key: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'null, "2014", "2014-Q3" or "2014-07"' })
  period: string | null;
}

export class ResolutionComparisonView {
  from: string;
  to: string;
  totals: ResolutionCountersView;
  rows: ResolutionRowView[];
}

export class ResolutionReportView {
  from: string;
  to: string;
  groupBy: string;
  interval: string;
  rows: ResolutionRowView[];
  /** The sum of the rows. */
  totals: ResolutionCountersView;
  @ApiPropertyOptional({ type: [ResolutionComparisonView], description: 'The same window 1..compareYears years earlier' })
  comparisons: ResolutionComparisonView[];
}

export type ResolutionRow = ResolutionRowView;
export type ResolutionSection = Pick<ResolutionReportView, 'rows' | 'totals'>;
export type ResolutionReport = ResolutionReportView;
