import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { CreateRoutingRuleDto, ResolveRoutingQuery, RoutingResolutionView, RoutingRuleView } from './routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('routing-rules')
export class RoutingController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    return this.rules.create(body);
  }

  /** Which rule (and so which agency) an appeal of this category at this branch would be routed by. */
  @Get('resolve')
  resolve(@Query() query: ResolveRoutingQuery): Promise<RoutingResolutionView> {
    return this.rules.resolve(query);
  }

  @Get()
  list(): Promise<RoutingRuleView[]> {
    return this.rules.list();
  }
}
