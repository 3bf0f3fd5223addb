import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { AppealImports } from './appeal-imports.service';
import { AcceptedImportView, AppealImportView } from './import.dto';

/** Historical import of finished appeals from CSV (admin only; columns in README). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/imports')
@Roles('admin')
export class AppealImportsController {
  constructor(private readonly imports: AppealImports) {}

  @Post('appeals')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: 'UTF-8 CSV with a header row, at most 20 MB' } })
  @ApiAcceptedResponse({ type: AcceptedImportView })
  create(@CurrentPrincipal() principal: Principal, @Body() csv: unknown): Promise<Pick<AppealImportView, 'id' | 'status'>> {
    return this.imports.create(principal, csv);
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string): Promise<AppealImportView> {
    return this.imports.get(id);
  }
}
