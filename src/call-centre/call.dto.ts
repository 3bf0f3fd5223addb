import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { PageQuery } from '../common/pagination/page';
import { AppealView } from '../appeals/appeal.view';
import { IsInstant } from '../common/validation/calendar-date';
import { IsKzPhone, NormalizeKzPhone } from '../common/validation/kz-validators';
import { VisibleText } from '../common/validation/visible-text';
import { AppealInput } from '../intake/appeal-input.dto';
import { CALL_RESULTS, CallResult } from './call.entity';

export class CallInput {
  @ApiProperty({ example: '+77011234567' })
  @NormalizeKzPhone()
  @IsKzPhone()
  callerPhone: string;

  @IsInstant()
  startedAt: string;

  @IsOptional()
  @IsInstant()
  endedAt?: string;

  @ApiProperty({ enum: CALL_RESULTS })
  @IsIn(CALL_RESULTS)
  result: CallResult;

  @IsOptional()
  @VisibleText({ trim: false })
  @IsString()
  @Length(0, 5000)
  notes?: string;

  @ApiPropertyOptional({ type: AppealInput, description: 'Required when result is "appeal", not allowed otherwise' })
  @ValidateIf((o: CallInput) => o.result === 'appeal' || o.appeal !== undefined)
  @IsDefined({ message: 'is required when result is "appeal"' })
  @IsObject()
  @ValidateNested()
  @Type(() => AppealInput)
  appeal?: AppealInput;

  @ApiPropertyOptional({ description: 'For a status inquiry: the number the caller asked about' })
  @IsOptional()
  @Length(1, 48)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'is not a registration number' })
  appealNumber?: string;
}

export class CallView {
  id: string;
  @ApiProperty({ enum: CALL_RESULTS }) result: CallResult;
  callerPhone: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) appealNumber: string | null;
  @ApiPropertyOptional({ type: AppealView }) appeal?: AppealView;
  @ApiPropertyOptional({ description: 'For a status inquiry: the status of the appeal asked about, when in scope' })
  inquiry?: { number: string; status: string; dueDate: string } | null;
}

export class CallListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Calls started on or after this date (YYYY-MM-DD in APP_TIMEZONE)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Calls started on or before this date (YYYY-MM-DD in APP_TIMEZONE)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: CALL_RESULTS })
  @IsOptional()
  @IsIn(CALL_RESULTS)
  result?: CallResult;
}

/** A logged call as the call-centre pages show it. */
export class CallRecordView {
  id: string;
  @ApiProperty({ enum: CALL_RESULTS }) result: CallResult;
  @ApiProperty({ description: 'E.164' }) callerPhone: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The appeal registered from the call, or the one a status inquiry asked about' })
  appealNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The appeal registered from this call' }) appealId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The operator's branch" }) branchId: string | null;
  @ApiProperty({ nullable: true, type: String }) operatorId: string | null;
}

export class CallPage {
  @ApiProperty({ type: [CallRecordView] }) items: CallRecordView[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'true when more than 10,000 calls match and total is an estimate' }) totalIsEstimate: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
