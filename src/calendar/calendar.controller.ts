import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { CalendarImpactView, CalendarRangeQuery, CalendarDayView, DateParam, DueDateQuery, DueDateView, SetCalendarDayDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  list(@Query() query: CalendarRangeQuery): Promise<CalendarDayView[]> {
    return this.calendar.list(query.from, query.to);
  }

  /** API.md: the N-th working day after `from` (a term's due date is this from its day 0, statutory-term.ts). */
  @Get('due-date')
  async dueDate(@Query() query: DueDateQuery): Promise<DueDateView> {
    return { dueDate: (await this.calendar.calendar()).addWorkingDays(query.from, query.workdays) };
  }

  /** Before a change: the open cases whose due date it would move. */
  @Get('days/:date/impact')
  @Roles('admin')
  impact(@Param() params: DateParam): Promise<CalendarImpactView> {
    return this.calendar.impact(params.date);
  }

  @Put('days/:date')
  @Roles('admin')
  setDay(@Param() params: DateParam, @Body() body: SetCalendarDayDto): Promise<CalendarDayView> {
    return this.calendar.setDay(params.date, body);
  }

  @Delete('days/:date')
  @Roles('admin')
  @HttpCode(204)
  deleteDay(@Param() params: DateParam): Promise<void> {
    return this.calendar.deleteDay(params.date);
  }
}
