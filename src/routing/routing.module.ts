import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoutingController } from './routing.controller';
import { RoutingRule } from './routing-rule.entity';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule])],
  controllers: [RoutingController],
  providers: [RoutingRulesService],
  exports: [RoutingRulesService],
})
export class RoutingModule {}
