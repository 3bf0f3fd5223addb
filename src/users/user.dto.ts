import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Role, ROLES } from '../common/auth/role';

export class CreateUserDto {
  @Length(3, 100)
  @Matches(/^[A-Za-z0-9._@-]+$/, { message: 'may contain letters, digits, ".", "_", "@" and "-" only' })
  login: string;

  @IsString()
  @Length(8, 200, { message: 'must be 8 to 200 characters long' })
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

/** A user as every response shows it: never a password or its hash. */
export class UserView {
  id: string;
  login: string;
  fullName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  branchId: string | null;
  agencyId: string | null;
}
