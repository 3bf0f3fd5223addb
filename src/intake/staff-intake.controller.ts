import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppealView, toAppealView } from '../appeals/appeal.view';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { StaffAppealInput } from './appeal-input.dto';
import { newAppealFromStaff } from './intake.mapper';
import { RegisterAppeal } from './register-appeal.use-case';

@ApiTags('appeals')
@ApiBearerAuth()
@Controller('appeals')
export class StaffIntakeController {
  constructor(private readonly registerAppeal: RegisterAppeal) {}

  /** Letters, walk-ins and any channel keyed in by staff. */
  @Post()
  @Roles('operator', 'reception', 'controller')
  async create(@CurrentPrincipal() principal: Principal, @Body() body: StaffAppealInput): Promise<AppealView> {
    const appeal = await this.registerAppeal.execute(newAppealFromStaff(body, body.channel, principal, { receivedAt: new Date() }));
    return toAppealView(appeal);
  }
}
