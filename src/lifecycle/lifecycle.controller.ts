import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppealView, toAppealView } from '../appeals/appeal.view';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { AcceptAppeal } from './accept-appeal.use-case';
import { AnswerAppeal } from './answer-appeal.use-case';
import { TRANSITIONS } from './appeal-transitions';
import { CloseAppeal } from './close-appeal.use-case';
import { ExtendAppeal } from './extend-appeal.use-case';
import { AnswerAppealDto, ExtendAppealDto, OptionalReasonBody, PauseAppealDto, ReasonBody, RouteAppealDto, TransitionBody } from './lifecycle.dto';
import { PauseAppeal } from './pause-appeal.use-case';
import { ReopenAppeal } from './reopen-appeal.use-case';
import { ResumeAppeal } from './resume-appeal.use-case';
import { ReturnAppeal } from './return-appeal.use-case';
import { RouteAppeal } from './route-appeal.use-case';
import { WithdrawAppeal } from './withdraw-appeal.use-case';

/**
 * `POST /appeals/{id}/{action}` (API.md "Lifecycle"): one route per action, each answering 200
 * with the updated Appeal. Roles come from the transition table; scope and status are checked
 * by the use case.
 */
@ApiTags('appeals')
@ApiBearerAuth()
@Controller('appeals')
export class LifecycleController {
  constructor(
    private readonly routeAppeal: RouteAppeal,
    private readonly acceptAppeal: AcceptAppeal,
    private readonly returnAppeal: ReturnAppeal,
    private readonly pauseAppeal: PauseAppeal,
    private readonly resumeAppeal: ResumeAppeal,
    private readonly extendAppeal: ExtendAppeal,
    private readonly answerAppeal: AnswerAppeal,
    private readonly closeAppeal: CloseAppeal,
    private readonly reopenAppeal: ReopenAppeal,
    private readonly withdrawAppeal: WithdrawAppeal,
  ) {}

  @Post(':id/route')
  @HttpCode(200)
  @Roles(...TRANSITIONS.route.roles)
  @ApiOperation({ summary: 'Send to an agency or transfer to another one (registered, routed, in_progress → routed)' })
  @ApiOkResponse({ type: AppealView })
  async route(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: RouteAppealDto): Promise<AppealView> {
    return toAppealView(await this.routeAppeal.execute(p, id, body));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...TRANSITIONS.accept.roles)
  @ApiOperation({ summary: 'The assigned agency takes the case (routed → in_progress)' })
  @ApiOkResponse({ type: AppealView })
  async accept(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: TransitionBody): Promise<AppealView> {
    return toAppealView(await this.acceptAppeal.execute(p, id, body));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(...TRANSITIONS.return.roles)
  @ApiOperation({ summary: 'Not our competence: back to the branch, agency cleared (routed, in_progress → registered)' })
  @ApiOkResponse({ type: AppealView })
  async return(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: ReasonBody): Promise<AppealView> {
    return toAppealView(await this.returnAppeal.execute(p, id, body));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(...TRANSITIONS.pause.roles)
  @ApiOperation({ summary: 'Ask the citizen for a clarification; the clock stops (in_progress → paused)' })
  @ApiOkResponse({ type: AppealView })
  async pause(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: PauseAppealDto): Promise<AppealView> {
    return toAppealView(await this.pauseAppeal.execute(p, id, body));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...TRANSITIONS.resume.roles)
  @ApiOperation({ summary: 'The clock restarts; dueDate moves by the working days paused (paused → in_progress)' })
  @ApiOkResponse({ type: AppealView })
  async resume(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: TransitionBody): Promise<AppealView> {
    return toAppealView(await this.resumeAppeal.execute(p, id, body));
  }

  @Post(':id/extend')
  @HttpCode(200)
  @Roles(...TRANSITIONS.extend.roles)
  @ApiOperation({ summary: 'A later due date, at most 2 months after receipt (routed, in_progress, paused)' })
  @ApiOkResponse({ type: AppealView })
  async extend(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: ExtendAppealDto): Promise<AppealView> {
    return toAppealView(await this.extendAppeal.execute(p, id, body));
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles(...TRANSITIONS.answer.roles)
  @ApiOperation({ summary: 'The agency decides (in_progress → answered); a refusal needs a reason' })
  @ApiOkResponse({ type: AppealView })
  async answer(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: AnswerAppealDto): Promise<AppealView> {
    return toAppealView(await this.answerAppeal.execute(p, id, body));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...TRANSITIONS.close.roles)
  @ApiOperation({ summary: 'The branch accepts the answer (answered → closed)' })
  @ApiOkResponse({ type: AppealView })
  async close(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: TransitionBody): Promise<AppealView> {
    return toAppealView(await this.closeAppeal.execute(p, id, body));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...TRANSITIONS.reopen.roles)
  @ApiOperation({ summary: 'Back to the agency for more work; the answer is cleared (answered, closed → in_progress)' })
  @ApiOkResponse({ type: AppealView })
  async reopen(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: ReasonBody): Promise<AppealView> {
    return toAppealView(await this.reopenAppeal.execute(p, id, body));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...TRANSITIONS.withdraw.roles)
  @ApiOperation({ summary: 'The citizen withdraws the appeal (any open status → withdrawn)' })
  @ApiOkResponse({ type: AppealView })
  async withdraw(@CurrentPrincipal() p: Principal, @Param('id', uuidPipe) id: string, @Body() body: OptionalReasonBody): Promise<AppealView> {
    return toAppealView(await this.withdrawAppeal.execute(p, id, body));
  }
}
