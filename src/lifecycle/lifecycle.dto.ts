import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateIf } from 'class-validator';
import { Outcome, OUTCOMES } from '../appeals/appeal.enums';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { VisibleText } from '../common/validation/visible-text';
const REASON_MAX = 2000;

/** Every action's body: optionally, the version the caller last saw (optimistic concurrency). */
export class TransitionBody {
  @ApiPropertyOptional({ description: 'The appeal version the caller last saw; a different current version → 409 VERSION_CONFLICT', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ReasonBody extends TransitionBody {
  @ApiProperty({ minLength: 1, maxLength: REASON_MAX })
  @VisibleText()
  @IsString()
  @Length(1, REASON_MAX)
  reason: string;
}

export class OptionalReasonBody extends TransitionBody {
  @ApiPropertyOptional({ minLength: 1, maxLength: REASON_MAX })
  @IsOptional()
  @VisibleText()
  @IsString()
  @Length(1, REASON_MAX)
  reason?: string;
}

export class RouteAppealDto extends OptionalReasonBody {
  @ApiProperty({ description: 'The agency the case is sent to; must differ from the current one' })
  @IsUUID()
  agencyId: string;
}

export class PauseAppealDto extends ReasonBody {
  @ApiProperty({ description: 'What the citizen is asked to clarify; sent to them', minLength: 1, maxLength: REASON_MAX })
  declare reason: string;
}

export class ExtendAppealDto extends ReasonBody {
  @ApiProperty({ format: 'date', description: 'Later than the current due date, at most 2 months after the date of receipt' })
  @IsCalendarDate()
  dueDate: string;
}

/** Outcomes that refuse the citizen must say why. */
export const REASONED_OUTCOMES: readonly Outcome[] = ['rejected', 'without_consideration'];

export class AnswerAppealDto extends TransitionBody {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @VisibleText({ trim: false })
  @IsString()
  @Length(1, 10000)
  text: string;

  @ApiPropertyOptional({ description: 'Required when the outcome is rejected or without_consideration', minLength: 1, maxLength: REASON_MAX })
  @ValidateIf((o: AnswerAppealDto) => REASONED_OUTCOMES.includes(o.outcome) || o.reason !== undefined)
  @IsDefined({ message: 'is required when the outcome is rejected or without_consideration' })
  @VisibleText()
  @IsString()
  @Length(1, REASON_MAX)
  reason?: string;
}
