import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { CallInput, CallView } from './call.dto';
import { LogCall } from './log-call.use-case';

@ApiTags('call centre')
@ApiBearerAuth()
@Controller('call-centre/calls')
export class CallCentreController {
  constructor(private readonly logCall: LogCall) {}

  @Post()
  @Roles('operator')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CallInput): Promise<CallView> {
    return this.logCall.execute(principal, body);
  }
}
