import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { AppealView } from '../appeals/appeal.view';
import { IsCalendarDate, IsInstant } from '../common/validation/calendar-date';
import { IsIin, IsKzPhone, NormalizeKzPhone } from '../common/validation/kz-validators';
import { VisibleText } from '../common/validation/visible-text';
import { VisitAppealInput } from '../intake/appeal-input.dto';
import { HOST_TYPES, HostType, RECEPTION_FORMATS, ReceptionFormat } from './reception-session.entity';
import { VISIT_RESULTS, VisitResult } from './reception-visit.entity';

export class ReceptionInput {
  @IsUUID()
  branchId: string;

  @VisibleText()
  @IsString()
  @Length(1, 200)
  hostName: string;

  @ApiProperty({ enum: HOST_TYPES })
  @IsIn(HOST_TYPES)
  hostType: HostType;

  @ApiPropertyOptional({ description: "The host's agency, for an agency head" })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsInstant()
  startsAt: string;

  @IsOptional()
  @IsInstant()
  endsAt?: string;

  @ApiProperty({ enum: RECEPTION_FORMATS })
  @IsIn(RECEPTION_FORMATS)
  format: ReceptionFormat;
}

export class ReceptionListQuery {
  @ApiPropertyOptional({ description: 'This branch and its whole subtree' })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ description: 'Sessions starting on or after this date (APP_TIMEZONE)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Sessions starting on or before this date (APP_TIMEZONE)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class ReceptionView {
  id: string;
  branchId: string;
  hostName: string;
  @ApiProperty({ enum: HOST_TYPES }) hostType: HostType;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt: string | null;
  @ApiProperty({ enum: RECEPTION_FORMATS }) format: ReceptionFormat;
  @ApiPropertyOptional({ description: 'Visitors recorded so far' }) visitors?: number;
}

export class VisitorInput {
  @VisibleText()
  @IsString()
  @Length(1, 200)
  fullName: string;

  @IsOptional()
  @IsIin()
  iin?: string;

  @IsOptional()
  @NormalizeKzPhone()
  @IsKzPhone()
  phone?: string;
}

export class VisitInput {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VisitorInput)
  visitor: VisitorInput;

  @IsOptional()
  @VisibleText()
  @IsString()
  @Length(1, 300)
  topic?: string;

  @ApiProperty({ enum: VISIT_RESULTS })
  @IsIn(VISIT_RESULTS)
  result: VisitResult;

  @ApiPropertyOptional({ type: VisitAppealInput, description: 'Required when result is "appeal", not allowed otherwise' })
  @ValidateIf((o: VisitInput) => o.result === 'appeal' || o.appeal !== undefined)
  @IsDefined({ message: 'is required when result is "appeal"' })
  @IsObject()
  @ValidateNested()
  @Type(() => VisitAppealInput)
  appeal?: VisitAppealInput;
}

export class VisitView {
  id: string;
  @ApiProperty({ enum: VISIT_RESULTS }) result: VisitResult;
  receptionId: string;
  @ApiPropertyOptional({ type: AppealView }) appeal?: AppealView;
}

/** Changes to a session after the fact: when it ended, who held it, how (API.md v1.1). */
export class ReceptionPatch {
  @ApiPropertyOptional({ format: 'date-time', description: 'After startsAt' })
  @IsOptional()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @VisibleText()
  @IsString()
  @Length(1, 200)
  hostName?: string;

  @ApiPropertyOptional({ enum: RECEPTION_FORMATS })
  @IsOptional()
  @IsIn(RECEPTION_FORMATS)
  format?: ReceptionFormat;
}

export class VisitorView {
  fullName: string;
  @ApiPropertyOptional() iin?: string;
  @ApiPropertyOptional({ description: 'E.164' }) phone?: string;
}

export class ReceptionVisitView {
  id: string;
  @ApiProperty({ type: VisitorView }) visitor: VisitorView;
  @ApiProperty({ nullable: true, type: String }) topic: string | null;
  @ApiProperty({ enum: VISIT_RESULTS }) result: VisitResult;
  @ApiProperty({ nullable: true, type: String }) appealId: string | null;
  @ApiProperty({ nullable: true, type: String }) appealNumber: string | null;
}

/** A session with its visits, oldest first. */
export class ReceptionDetailView extends ReceptionView {
  @ApiProperty({ type: [ReceptionVisitView] }) visits: ReceptionVisitView[];
}
