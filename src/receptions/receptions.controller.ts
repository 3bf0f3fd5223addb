import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { ReceptionInput, ReceptionListQuery, ReceptionView, VisitInput, VisitView } from './reception.dto';
import { ReceptionsService } from './receptions.service';

@ApiTags('receptions')
@ApiBearerAuth()
@Controller('receptions')
@Roles('reception', 'controller')
export class ReceptionsController {
  constructor(private readonly receptions: ReceptionsService) {}

  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() body: ReceptionInput): Promise<ReceptionView> {
    return this.receptions.create(principal, body);
  }

  @Get()
  @Roles('reception', 'controller', 'operator', 'analyst')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ReceptionListQuery): Promise<ReceptionView[]> {
    return this.receptions.list(principal, query);
  }

  @Post(':id/visits')
  addVisit(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string, @Body() body: VisitInput): Promise<VisitView> {
    return this.receptions.addVisit(principal, id, body);
  }
}
