import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { ReportExports } from './report-exports';
import { ReceptionReportQuery, ResolutionReportQuery } from './report-query.dto';
import { ReceptionReportView } from './receptions-report.dto';
import { ReceptionsReportQueryService } from './receptions-report';
import { ResolutionReportView } from './resolution-report.dto';
import { ResolutionReportQueryService } from './resolution-report';

const FILE_TYPES = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** Statistics for analysts, controllers and admins, over their own branch subtree. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
@Roles('analyst', 'controller')
export class ReportsController {
  constructor(
    private readonly resolution: ResolutionReportQueryService,
    private readonly receptions: ReceptionsReportQueryService,
    private readonly exports: ReportExports,
  ) {}

  @Get('resolution')
  @ApiProduces(...FILE_TYPES)
  @ApiOkResponse({ type: ResolutionReportView, description: 'JSON, or a CSV / XLSX file with `format` (in `lang`, CSV separated by `sep`)' })
  async resolutionReport(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ResolutionReportQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResolutionReportView | StreamableFile> {
    return this.exports.send(req, res, principal, { kind: 'resolution', query, view: await this.resolution.run(principal, query) });
  }

  @Get('receptions')
  @ApiProduces(...FILE_TYPES)
  @ApiOkResponse({ type: ReceptionReportView, description: 'JSON, or a CSV / XLSX file with `format` (in `lang`, CSV separated by `sep`)' })
  async receptionsReport(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReceptionReportQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceptionReportView | StreamableFile> {
    return this.exports.send(req, res, principal, { kind: 'receptions', query, view: await this.receptions.run(principal, query) });
  }
}
