import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReceptionCountersView {
  /** Reception sessions that started in the window. */
  sessions: number;
  /** Visits recorded at those sessions. */
  visitors: number;
  /** Appeals made at those sessions. */
  appeals: number;
  /** Of those appeals, the ones with an outcome. */
  decided: number;
  positive: number;
  @ApiProperty({ type: Number, nullable: true, description: 'positive / decided' })
  positiveShare: number | null;
}

export class ReceptionRowView extends ReceptionCountersView {
  @ApiProperty({ type: Object, description: 'hostType: {hostType}; branch: {branchId, code, name, own}' })
  key: Record<string, unknown>;
}

export class ReceptionComparisonView {
  from: string;
  to: string;
  totals: ReceptionCountersView;
  rows: ReceptionRowView[];
}

export class ReceptionReportView {
  from: string;
  to: string;
  groupBy: string;
  rows: ReceptionRowView[];
  totals: ReceptionCountersView;
  @ApiPropertyOptional({ type: [ReceptionComparisonView] })
  comparisons: ReceptionComparisonView[];
}
