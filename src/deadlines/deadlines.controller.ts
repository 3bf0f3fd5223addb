import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CASE_READERS } from '../appeals/appeals.controller';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { PageQuery } from '../common/pagination/page';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { AppealDeadline } from './appeal-deadline';
import { DeadlineLists } from './deadline-lists';
import { DeadlinePolicies } from './deadline-policies.service';
import { AppealTypeParam, DeadlinePolicyView, SetDeadlinePolicyDto } from './deadline-policy.dto';
import { DeadlinePolicy } from './deadline-policy';
import {
  AppealDeadlineView,
  DeadlineCasePage,
  DeadlineStatsView,
  StaffNotificationIdParam,
  StaffNotificationPage,
  StaffNotificationQuery,
  StaffNotificationView,
  UpcomingQuery,
} from './deadlines.dto';
import { StaffNotifications } from './staff-notifications';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller()
@Roles(...CASE_READERS)
export class DeadlinesController {
  constructor(
    private readonly lists: DeadlineLists,
    private readonly explainer: AppealDeadline,
    private readonly notifications: StaffNotifications,
  ) {}

  /** Open cases past their due date, most overdue first. */
  @Get('deadlines/overdue')
  overdue(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<DeadlineCasePage> {
    return this.lists.overdue(principal, query);
  }

  /** Open cases due within the next `workdays` working days (today included), soonest first. */
  @Get('deadlines/upcoming')
  upcoming(@CurrentPrincipal() principal: Principal, @Query() query: UpcomingQuery): Promise<DeadlineCasePage> {
    return this.lists.upcoming(principal, query, query.workdays);
  }

  /** Counts of open cases by deadline state in the caller's scope. */
  @Get('deadlines/stats')
  stats(@CurrentPrincipal() principal: Principal): Promise<DeadlineStatsView> {
    return this.lists.stats(principal);
  }

  @Get('appeals/:id/deadline')
  deadline(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string): Promise<AppealDeadlineView> {
    return this.explainer.explain(principal, id);
  }

  @Get('staff-notifications')
  listNotifications(@CurrentPrincipal() principal: Principal, @Query() query: StaffNotificationQuery): Promise<StaffNotificationPage> {
    return this.notifications.list(principal, query);
  }

  @Post('staff-notifications/:id/read')
  @HttpCode(200)
  markRead(@CurrentPrincipal() principal: Principal, @Param() params: StaffNotificationIdParam): Promise<StaffNotificationView> {
    return this.notifications.markRead(principal, params.id);
  }
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly policies: DeadlinePolicies) {}

  /** The terms per appeal type (any staff role). */
  @Get()
  async list(): Promise<DeadlinePolicyView[]> {
    return (await this.policies.list()).map(toPolicyView);
  }

  /** Replaces a type's terms; new appeals use them at once, open cases keep the term they were registered with. */
  @Put(':type')
  @Roles('admin')
  async set(@CurrentPrincipal() principal: Principal, @Param() params: AppealTypeParam, @Body() body: SetDeadlinePolicyDto): Promise<DeadlinePolicyView> {
    return toPolicyView(await this.policies.set(params.type, body, principal.userId));
  }
}

function toPolicyView(p: DeadlinePolicy): DeadlinePolicyView {
  return { ...p, updatedAt: p.updatedAt.toISOString() };
}
