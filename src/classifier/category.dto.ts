import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

export class CategoryNamesDto {
  @IsString()
  @Length(1, 300)
  kk: string;

  @IsString()
  @Length(1, 300)
  ru: string;

  @IsString()
  @Length(1, 300)
  en: string;
}

export class CreateCategoryDto {
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'must be letters, digits, "_", "." or "-"' })
  code: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => CategoryNamesDto)
  names: CategoryNamesDto;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class CategoryView {
  id: string;
  code: string;
  names: CategoryNamesDto;
  parentId: string | null;
}
