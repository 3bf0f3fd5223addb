import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { APPEAL_TYPES, AppealType } from '../appeals/appeal.enums';

export class AppealTypeParam {
  @ApiProperty({ enum: APPEAL_TYPES })
  @IsIn(APPEAL_TYPES)
  type: AppealType;
}

/** A whole policy row (PUT replaces it). */
export class SetDeadlinePolicyDto {
  /** Working days to decide, counted from the day of receipt (day 0). */
  @IsInt()
  @Min(1)
  @Max(60)
  decisionWorkdays: number;

  /** Working days after receipt by which the case must be sent to an agency. */
  @IsInt()
  @Min(1)
  @Max(30)
  forwardingWorkdays: number;

  /** Working days before the due date when the agency is reminded; 0 turns reminders off. */
  @IsInt()
  @Min(0)
  @Max(30)
  reminderLeadWorkdays: number;

  /** Working days after the due date for each escalation step, ascending (at most 5 steps). */
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  escalationWorkdays: number[];

  /** Whether a transfer to another agency restarts the citizen's clock. */
  @IsBoolean()
  restartOnTransfer: boolean;
}

export class DeadlinePolicyView extends SetDeadlinePolicyDto {
  @ApiProperty({ enum: APPEAL_TYPES })
  appealType: AppealType;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
