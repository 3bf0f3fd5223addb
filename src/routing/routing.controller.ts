import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { CreateRoutingRuleDto, RoutingRuleView } from './routing-rule.dto';
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

  @Get()
  list(): Promise<RoutingRuleView[]> {
    return this.rules.list();
  }
}
