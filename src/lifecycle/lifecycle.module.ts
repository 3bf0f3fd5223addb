import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { DeadlinePolicyModule } from '../deadlines/deadline-policy.module';
import { AcceptAppeal } from './accept-appeal.use-case';
import { AnswerAppeal } from './answer-appeal.use-case';
import { ApplyTransition } from './apply-transition';
import { CloseAppeal } from './close-appeal.use-case';
import { ExtendAppeal } from './extend-appeal.use-case';
import { LifecycleController } from './lifecycle.controller';
import { PauseAppeal } from './pause-appeal.use-case';
import { ReopenAppeal } from './reopen-appeal.use-case';
import { ResumeAppeal } from './resume-appeal.use-case';
import { ReturnAppeal } from './return-appeal.use-case';
import { RouteAppeal } from './route-appeal.use-case';
import { WithdrawAppeal } from './withdraw-appeal.use-case';

/** The case lifecycle after intake: routing, the agency's work, the branch's check (API.md "Lifecycle"). */
@Module({
  imports: [AppealsModule, DeadlinePolicyModule],
  controllers: [LifecycleController],
  providers: [
    ApplyTransition,
    RouteAppeal,
    AcceptAppeal,
    ReturnAppeal,
    PauseAppeal,
    ResumeAppeal,
    ExtendAppeal,
    AnswerAppeal,
    CloseAppeal,
    ReopenAppeal,
    WithdrawAppeal,
  ],
})
export class LifecycleModule {}
