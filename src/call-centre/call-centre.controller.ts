import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PersonalDataReads } from '../appeals/personal-data-reads';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { CallInput, CallListQuery, CallPage, CallRecordView, CallView } from './call.dto';
import { CallsQuery } from './calls.query';
import { LogCall } from './log-call.use-case';

@ApiTags('call centre')
@ApiBearerAuth()
@Controller('call-centre/calls')
export class CallCentreController {
  constructor(
    private readonly logCall: LogCall,
    private readonly calls: CallsQuery,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post()
  @Roles('operator')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CallInput): Promise<CallView> {
    return this.logCall.execute(principal, body);
  }

  /** The call log, newest first (the caller's phone is personal data: each read is recorded). */
  @Get()
  @Roles('operator', 'controller')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: CallListQuery): Promise<CallPage> {
    const page = await this.calls.list(principal, query);
    await this.reads.recordOther(principal, 'call', page.items.map((c) => c.id), 'list');
    return page;
  }

  @Get(':id')
  @Roles('operator', 'controller')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string): Promise<CallRecordView> {
    const call = await this.calls.get(principal, id);
    await this.reads.recordOther(principal, 'call', [call.id], 'view');
    return call;
  }
}
