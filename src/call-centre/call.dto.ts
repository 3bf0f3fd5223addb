import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
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
