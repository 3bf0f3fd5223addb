import { AppealEvent } from '../appeals/appeal-event.entity';
import { Appeal } from '../appeals/appeal.entity';
import { CalendarDay } from '../calendar/calendar-day.entity';
import { Call } from '../call-centre/call.entity';
import { Category } from '../classifier/category.entity';
import { Agency } from '../org/agency.entity';
import { Branch } from '../org/branch.entity';
import { ReceptionSession } from '../receptions/reception-session.entity';
import { ReceptionVisit } from '../receptions/reception-visit.entity';
import { RoutingRule } from '../routing/routing-rule.entity';
import { User } from '../users/user.entity';

/** Every mapped table; the schema itself comes from migrations only. */
export const ENTITIES = [Branch, Agency, Category, RoutingRule, CalendarDay, User, Call, ReceptionSession, ReceptionVisit, Appeal, AppealEvent];
