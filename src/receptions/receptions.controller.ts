import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { PersonalDataReads } from '../appeals/personal-data-reads';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { ReceptionDetailView, ReceptionInput, ReceptionListQuery, ReceptionPatch, ReceptionView, VisitInput, VisitView } from './reception.dto';
import { ReceptionsService } from './receptions.service';

@ApiTags('receptions')
@ApiBearerAuth()
@Controller('receptions')
@Roles('reception', 'controller')
export class ReceptionsController {
  constructor(
    private readonly receptions: ReceptionsService,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() body: ReceptionInput): Promise<ReceptionView> {
    return this.receptions.create(principal, body);
  }

  @Get()
  @Roles('reception', 'controller', 'operator', 'analyst')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ReceptionListQuery): Promise<ReceptionView[]> {
    return this.receptions.list(principal, query);
  }

  /** The session with its visitors (personal data: each read is recorded; not for analysts). */
  @Get(':id')
  @Roles('reception', 'controller', 'operator')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string): Promise<ReceptionDetailView> {
    const session = await this.receptions.get(principal, id);
    await this.reads.recordOther(principal, 'visit', session.visits.map((v) => v.id), 'view');
    return session;
  }

  @Patch(':id')
  update(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string, @Body() body: ReceptionPatch): Promise<ReceptionView> {
    return this.receptions.update(principal, id, body);
  }

  @Post(':id/visits')
  addVisit(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string, @Body() body: VisitInput): Promise<VisitView> {
    return this.receptions.addVisit(principal, id, body);
  }
}
