import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { AgenciesService } from './agencies.service';
import { BranchesService } from './branches.service';
import { AgencyView, BranchListQuery, BranchView, CreateAgencyDto, CreateBranchDto } from './org.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(
    private readonly branches: BranchesService,
    private readonly agencies: AgenciesService,
  ) {}

  @Post('branches')
  @Roles('admin')
  createBranch(@Body() body: CreateBranchDto): Promise<BranchView> {
    return this.branches.create(body);
  }

  @Get('branches')
  listBranches(@Query() query: BranchListQuery): Promise<BranchView[]> {
    return this.branches.list(query.parentId);
  }

  @Post('agencies')
  @Roles('admin')
  createAgency(@Body() body: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(body);
  }

  @Get('agencies')
  listAgencies(): Promise<AgencyView[]> {
    return this.agencies.list();
  }
}
