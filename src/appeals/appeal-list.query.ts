import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../common/pagination/page';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { APPEAL_TYPES, AppealType, Channel, CHANNELS, DEADLINE_STATES, DeadlineState, Status, STATUSES } from './appeal.enums';

export const APPEAL_SORTS = ['receivedAt', '-receivedAt', 'dueDate', '-dueDate'] as const;
export type AppealSort = (typeof APPEAL_SORTS)[number];

export class AppealListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: Status;

  @ApiPropertyOptional({ description: 'This branch and its whole subtree' })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ description: 'The agency the case is routed to' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ description: 'This category and its subtopics' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATES })
  @IsOptional()
  @IsIn(DEADLINE_STATES)
  deadlineState?: DeadlineState;

  @ApiPropertyOptional({ description: 'Date of receipt from (inclusive), YYYY-MM-DD in APP_TIMEZONE' })
  @IsOptional()
  @IsCalendarDate()
  receivedFrom?: string;

  @ApiPropertyOptional({ description: 'Date of receipt to (inclusive), YYYY-MM-DD in APP_TIMEZONE' })
  @IsOptional()
  @IsCalendarDate()
  receivedTo?: string;

  @ApiPropertyOptional({
    description:
      'A registration number (any letter case), an IIN, a phone in any usual notation, or words of the applicant\'s name, the subject or the text (word prefixes, Kazakh and Russian alike)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: APPEAL_TYPES })
  @IsOptional()
  @IsIn(APPEAL_TYPES)
  type?: AppealType;

  @ApiPropertyOptional({ enum: APPEAL_SORTS, default: '-receivedAt', description: 'A leading "-" sorts descending; ties by id' })
  @IsOptional()
  @IsIn(APPEAL_SORTS)
  sort: AppealSort = '-receivedAt';
}
