import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../common/pagination/page';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { Channel, CHANNELS, DEADLINE_STATES, DeadlineState, Status, STATUSES } from './appeal.enums';

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
}
