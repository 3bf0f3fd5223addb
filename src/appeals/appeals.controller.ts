import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { AppealListQuery } from './appeal-list.query';
import { AppealRefs } from './appeal-refs';
import { AppealEventView, AppealPage, AppealView, toAppealView } from './appeal.view';
import { ScopedAppeals } from './scoped-appeals';

/** Analysts see statistics, not identities: they have no access to the cases themselves. */
export const CASE_READERS = ['operator', 'reception', 'controller', 'agency_officer'] as const;

@ApiTags('appeals')
@ApiBearerAuth()
@Controller('appeals')
@Roles(...CASE_READERS)
export class AppealsController {
  constructor(
    private readonly appeals: ScopedAppeals,
    private readonly refs: AppealRefs,
  ) {}

  // Reads of the applicant's identity are recorded by PersonalDataReadsInterceptor.
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AppealListQuery): Promise<AppealPage> {
    const page = await this.appeals.list(principal, query);
    return { ...page, items: await this.refs.withRefs(page.items) };
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string): Promise<AppealView> {
    return toAppealView(await this.appeals.get(principal, id));
  }

  @Get(':id/events')
  async events(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string): Promise<AppealEventView[]> {
    const events = await this.appeals.events(principal, id);
    return events.map((e) => ({ id: e.id, type: e.type, at: e.at.toISOString(), actorId: e.actorId, data: e.data }));
  }
}
