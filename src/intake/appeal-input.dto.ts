import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { APPEAL_TYPES, AppealType, Channel, CHANNELS, Language, LANGUAGES } from '../appeals/appeal.enums';
import { IsInstant } from '../common/validation/calendar-date';
import { MaxChars } from '../common/validation/char-length';
import { IsIin, IsKzPhone, NormalizeKzPhone } from '../common/validation/kz-validators';
import { VisibleText } from '../common/validation/visible-text';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Name and the contacts an answer can be sent to; shared by staff and portal input. */
class ApplicantContacts {
  @VisibleText()
  @IsString()
  @Length(1, 200)
  fullName: string;

  @IsOptional()
  @trim()
  @IsEmail({}, { message: 'must be an email address' })
  @Length(3, 254)
  email?: string;

  @IsOptional()
  @VisibleText()
  @IsString()
  @Length(1, 500)
  address?: string;
}

export class ApplicantInput extends ApplicantContacts {
  @ApiPropertyOptional({ description: '12 digits with a valid checksum', example: '921029350851' })
  @IsOptional()
  @IsIin()
  iin?: string;

  @ApiPropertyOptional({ description: 'Kazakh number in any usual form; returned as E.164', example: '+77011234567' })
  @IsOptional()
  @NormalizeKzPhone()
  @IsKzPhone()
  phone?: string;
}

/** A citizen on the portal must be identifiable (IIN) and reachable (phone or email). */
export class PortalApplicantInput extends ApplicantContacts {
  @ApiProperty({ description: '12 digits with a valid checksum', example: '921029350851' })
  @IsDefined({ message: 'is required on the portal' })
  @IsIin()
  iin: string;

  @ApiPropertyOptional({ description: 'Required unless email is given; returned as E.164', example: '+77011234567' })
  @ValidateIf((o: PortalApplicantInput) => o.email === undefined || o.phone !== undefined)
  @IsDefined({ message: 'phone or email is required on the portal', context: { key: 'detail.phone_or_email' } })
  @NormalizeKzPhone()
  @IsKzPhone()
  phone?: string;
}

export class CollectiveInput {
  @IsInt()
  @Min(2)
  @Max(100000)
  signatories: number;
}

/** The fields every channel shares (API.md `AppealInput`, without `receivedAt`). */
export class PortalAppealInput {
  @ApiProperty({ enum: APPEAL_TYPES })
  @IsIn(APPEAL_TYPES)
  type: AppealType;

  @IsUUID()
  categoryId: string;

  @IsUUID()
  branchId: string;

  @VisibleText()
  @IsString()
  @Length(1, 300)
  @MaxChars(300)
  subject: string;

  @VisibleText({ trim: false })
  @IsString()
  @Length(1, 10000)
  @MaxChars(10000)
  text: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiProperty({ type: PortalApplicantInput })
  @IsDefined({ message: 'is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => PortalApplicantInput)
  applicant: PortalApplicantInput;

  @ApiPropertyOptional({ description: 'Portal appeals are never anonymous: the applicant is identified by IIN' })
  @IsOptional()
  @IsBoolean()
  @IsIn([false], { message: 'must be false: the portal does not accept anonymous appeals', context: { code: 'not_allowed', key: 'detail.portal_not_anonymous' } })
  anonymous?: boolean;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CollectiveInput)
  collective?: CollectiveInput;
}

/** `AppealInput` as staff enter it: an applicant unless anonymous, and the time of receipt. */
export class AppealInput {
  @ApiProperty({ enum: APPEAL_TYPES })
  @IsIn(APPEAL_TYPES)
  type: AppealType;

  @IsUUID()
  categoryId: string;

  @IsUUID()
  branchId: string;

  @VisibleText()
  @IsString()
  @Length(1, 300)
  @MaxChars(300)
  subject: string;

  @VisibleText({ trim: false })
  @IsString()
  @Length(1, 10000)
  @MaxChars(10000)
  text: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiPropertyOptional({ description: 'When the appeal was received; not in the future; default now' })
  @IsOptional()
  @IsInstant()
  receivedAt?: string;

  @ApiPropertyOptional({ type: ApplicantInput, description: 'Required unless anonymous is true; must be absent when it is' })
  @ValidateIf((o: AppealInput) => o.anonymous !== true || o.applicant !== undefined)
  @IsDefined({ message: 'is required unless the appeal is anonymous', context: { key: 'detail.required_unless_anonymous' } })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantInput)
  applicant?: ApplicantInput;

  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CollectiveInput)
  collective?: CollectiveInput;
}

/** `POST /appeals`: staff intake names the channel too. */
export class StaffAppealInput extends AppealInput {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;
}

/** An appeal made during a reception visit: the branch defaults to the session's. */
export class VisitAppealInput extends AppealInput {
  @ApiPropertyOptional({ description: "Default: the reception session's branch" })
  @IsOptional()
  @IsUUID()
  declare branchId: string;
}
