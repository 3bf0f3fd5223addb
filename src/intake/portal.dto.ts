import { VisibleText } from '../common/validation/visible-text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OUTCOMES, Outcome, Status, STATUSES } from '../appeals/appeal.enums';
import { CategoryNamesDto } from '../classifier/category.dto';
import { BRANCH_LEVELS, BranchLevel } from '../org/branch.entity';

export class PortalReceipt {
  id: string;
  @ApiProperty({ example: 'ALA-2026-000042' }) number: string;
  @ApiProperty({ description: 'Keep it: with the number it opens the status page' }) trackingCode: string;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class PortalStatusParams {
  @ApiProperty({ description: 'Registration number, any letter case', example: 'ALA-2026-000042' })
  @Length(1, 48)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'is not a registration number' })
  number: string;
}

export class PortalStatusQuery {
  @IsString()
  @Length(1, 32)
  trackingCode: string;
}

/** A status the citizen's case reached, and when. */
export class PortalStageView {
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** What the public status page shows: no personal data. */
export class PortalStatusView {
  number: string;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: Outcome | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ nullable: true, type: String }) agencyName: string | null;
  @ApiProperty({ nullable: true, type: CategoryNamesDto, description: 'The agency in kk, ru and en' }) agencyNames: CategoryNamesDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) answerText: string | null;
  @ApiProperty({
    type: [PortalStageView],
    description: 'The statuses the case went through, oldest first (an internal return to the branch is not shown)',
  })
  stages: PortalStageView[];
  @ApiPropertyOptional({ type: String, description: "Only while paused: what the agency asked the citizen to clarify" })
  clarificationRequest?: string;
}

export class PortalClarificationInput {
  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @VisibleText()
  @IsString()
  @Length(1, 10000)
  text: string;
}

export class PortalClarificationReceipt {
  @ApiProperty({ example: 'ALA-2026-000042' }) number: string;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}

export class PortalFeedbackInput {
  @ApiProperty({ description: 'Is the citizen satisfied with the answer' })
  @IsDefined()
  @IsBoolean()
  satisfied: boolean;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000 })
  @IsOptional()
  @VisibleText()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

export class PortalFeedbackReceipt {
  @ApiProperty({ example: 'ALA-2026-000042' }) number: string;
  satisfied: boolean;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}

export class PortalCategoryView {
  id: string;
  code: string;
  names: CategoryNamesDto;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
}

export class PortalBranchView {
  id: string;
  code: string;
  @ApiProperty({ type: CategoryNamesDto, description: 'The branch in kk, ru and en' }) names: CategoryNamesDto;
  @ApiProperty({ enum: BRANCH_LEVELS }) level: BranchLevel;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
}

/** What a portal form offers: top-level categories and their subtopics; regions and their districts. */
export class PortalReferenceView {
  @ApiProperty({ type: [PortalCategoryView] }) categories: PortalCategoryView[];
  @ApiProperty({ type: [PortalBranchView], description: 'Regional and district branches (not the central office, not primary organisations)' })
  branches: PortalBranchView[];
}
