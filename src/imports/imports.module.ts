import { Module } from '@nestjs/common';
import { AppealImportsController } from './appeal-imports.controller';
import { AppealImports } from './appeal-imports.service';

/** API side of the historical import: accept the file, report progress. */
@Module({
  controllers: [AppealImportsController],
  providers: [AppealImports],
})
export class ImportsModule {}
