import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { OUTCOMES, Outcome, Status, STATUSES } from '../appeals/appeal.enums';

export class PortalReceipt {
  id: string;
  @ApiProperty({ example: 'ALA-2026-000042' }) number: string;
  @ApiProperty({ description: 'Keep it: with the number it opens the status page' }) trackingCode: string;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class PortalStatusParams {
  @Length(1, 48)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'is not a registration number' })
  number: string;
}

export class PortalStatusQuery {
  @IsString()
  @Length(1, 32)
  trackingCode: string;
}

/** What the public status page shows: no personal data. */
export class PortalStatusView {
  number: string;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: Outcome | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ nullable: true, type: String }) agencyName: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) answerText: string | null;
}
