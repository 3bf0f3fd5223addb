import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Category } from './category.entity';
import { CategoryView, CreateCategoryDto } from './category.dto';

@Injectable()
export class CategoriesService {
  constructor(@InjectRepository(Category) private readonly categories: Repository<Category>) {}

  async create(input: CreateCategoryDto): Promise<CategoryView> {
    if (input.parentId && !(await this.categories.existsBy({ id: input.parentId }))) {
      throw AppError.validation('parentId', 'parent category does not exist', 'not_exists');
    }
    const saved = await this.categories.save(
      this.categories.create({
        code: input.code,
        nameKk: input.names.kk,
        nameRu: input.names.ru,
        nameEn: input.names.en,
        parentId: input.parentId ?? null,
      }),
    );
    return toView(saved);
  }

  async list(): Promise<CategoryView[]> {
    return (await this.categories.find({ order: { code: 'ASC' } })).map(toView);
  }
}

function toView(c: Category): CategoryView {
  return { id: c.id, code: c.code, names: { kk: c.nameKk, ru: c.nameRu, en: c.nameEn }, parentId: c.parentId };
}
