import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Role, ROLES } from '../common/auth/role';
import { PageQuery } from '../common/pagination/page';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';

const PASSWORD_RULES = `at least ${MIN_PASSWORD_LENGTH} characters, not a common password, not containing the login`;

export class CreateUserDto {
  @Length(3, 100)
  @Matches(/^[A-Za-z0-9._@-]+$/, { message: 'may contain letters, digits, ".", "_", "@" and "-" only' })
  login: string;

  // Length, commonness and the login are checked by the password policy (password-policy.ts).
  @ApiProperty({ description: PASSWORD_RULES, minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  password: string;

  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for operator, reception, controller and analyst: their scope' })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ description: 'Required for agency_officer: their scope' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

/** Absent fields stay as they are; a change of role, scope or `active` revokes the user's tokens. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true, description: 'The scope of a branch-scoped role; null clears it. Kept when absent and the role still takes a branch.' })
  @IsOptional()
  @IsUUID()
  branchId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The scope of an agency officer; null clears it. Kept when absent and the role is still agency_officer.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @ApiPropertyOptional({ description: 'false: the user can no longer log in and their tokens are void' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  active?: boolean;
}

export class SetPasswordDto {
  @ApiProperty({ description: PASSWORD_RULES, minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  password: string;
}

export class ChangeOwnPasswordDto {
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @ApiProperty({ description: PASSWORD_RULES, minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  newPassword: string;
}

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false };

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Users scoped to this branch or a branch below it' })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value in BOOLEAN_TEXT ? BOOLEAN_TEXT[value] : value))
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Words of the login or the full name, case-insensitive' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

/** A user as every response shows it: never a password or its hash. */
export class UserView {
  id: string;
  login: string;
  fullName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  branchId: string | null;
  agencyId: string | null;
  /** false: deactivated, cannot log in. */
  active: boolean;
}

export class UserPage {
  @ApiProperty({ type: [UserView] })
  items: UserView[];
  total: number;
  page: number;
  pageSize: number;
}
