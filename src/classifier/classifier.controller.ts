import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { CategoriesService } from './categories.service';
import { CategoryView, CreateCategoryDto } from './category.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('categories')
export class ClassifierController {
  constructor(private readonly categories: CategoriesService) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateCategoryDto): Promise<CategoryView> {
    return this.categories.create(body);
  }

  @Get()
  list(): Promise<CategoryView[]> {
    return this.categories.list();
  }
}
