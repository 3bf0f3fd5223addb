import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { BRANCH_LEVELS, BranchLevel } from './branch.entity';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CODE_MESSAGE = 'must be letters, digits, "_", "." or "-", starting with a letter or digit';

export class CreateBranchDto {
  @Length(1, 32)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: BRANCH_LEVELS })
  @IsIn(BRANCH_LEVELS)
  level: BranchLevel;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class BranchListQuery {
  @ApiPropertyOptional({ description: 'Only the direct children of this branch' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class BranchView {
  id: string;
  code: string;
  name: string;
  @ApiProperty({ enum: BRANCH_LEVELS })
  level: BranchLevel;
  parentId: string | null;
}

export class CreateAgencyDto {
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @IsString()
  @Length(1, 300)
  name: string;

  @ApiPropertyOptional({ description: 'Territory served (a branch subtree); absent = national' })
  @IsOptional()
  @IsUUID()
  branchId?: string;
}

export class AgencyView {
  id: string;
  code: string;
  name: string;
  branchId: string | null;
}
