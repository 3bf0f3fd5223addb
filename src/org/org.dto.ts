import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { VisibleText } from '../common/validation/visible-text';
import { BRANCH_LEVELS, BranchLevel } from './branch.entity';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CODE_MESSAGE = 'must be letters, digits, "_", "." or "-", starting with a letter or digit';

/** A branch's name in each language (the column limit of `name`: 200). */
export class BranchNamesDto {
  @VisibleText()
  @IsString()
  @Length(1, 200)
  kk: string;

  @VisibleText()
  @IsString()
  @Length(1, 200)
  ru: string;

  @VisibleText()
  @IsString()
  @Length(1, 200)
  en: string;
}

/** An agency's name in each language (the column limit of `name`: 300). */
export class AgencyNamesDto {
  @VisibleText()
  @IsString()
  @Length(1, 300)
  kk: string;

  @VisibleText()
  @IsString()
  @Length(1, 300)
  ru: string;

  @VisibleText()
  @IsString()
  @Length(1, 300)
  en: string;
}

export class CreateBranchDto {
  @Length(1, 32)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiPropertyOptional({ description: 'The Russian name; required unless `names` is given (then it must equal names.ru)' })
  @ValidateIf((o: CreateBranchDto) => o.names === undefined || o.name !== undefined)
  @VisibleText()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: () => BranchNamesDto, description: 'Names in Kazakh, Russian and English; default: `name` in all three' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BranchNamesDto)
  names?: BranchNamesDto;

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
  @ApiProperty({ description: 'The Russian name (= names.ru)' })
  name: string;
  names: BranchNamesDto;
  @ApiProperty({ enum: BRANCH_LEVELS })
  level: BranchLevel;
  parentId: string | null;
}

export class CreateAgencyDto {
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiPropertyOptional({ description: 'The Russian name; required unless `names` is given (then it must equal names.ru)' })
  @ValidateIf((o: CreateAgencyDto) => o.names === undefined || o.name !== undefined)
  @VisibleText()
  @IsString()
  @Length(1, 300)
  name?: string;

  @ApiPropertyOptional({ type: () => AgencyNamesDto, description: 'Names in Kazakh, Russian and English; default: `name` in all three' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgencyNamesDto)
  names?: AgencyNamesDto;

  @ApiPropertyOptional({ description: 'Territory served (a branch subtree); absent = national' })
  @IsOptional()
  @IsUUID()
  branchId?: string;
}

export class AgencyView {
  id: string;
  code: string;
  @ApiProperty({ description: 'The Russian name (= names.ru)' })
  name: string;
  names: AgencyNamesDto;
  branchId: string | null;
}
