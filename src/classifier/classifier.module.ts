import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesService } from './categories.service';
import { Category } from './category.entity';
import { ClassifierController } from './classifier.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Category])],
  controllers: [ClassifierController],
  providers: [CategoriesService],
  exports: [CategoriesService],
})
export class ClassifierModule {}
