import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesService } from './agencies.service';
import { Agency } from './agency.entity';
import { Branch } from './branch.entity';
import { BranchesService } from './branches.service';
import { OrgController } from './org.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Branch, Agency])],
  controllers: [OrgController],
  providers: [BranchesService, AgenciesService],
  exports: [BranchesService, AgenciesService],
})
export class OrgModule {}
