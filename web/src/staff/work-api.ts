import { api, call } from '../api/client';
import type { components } from '../api/schema';

/**
 * The staff pages' calls to the API (case work, call centre, receptions, notices), all through the
 * typed client: a renamed field in the contract breaks `tsc -p web` here, not in a page at run time.
 */
type Schemas = components['schemas'];
export type Appeal = Schemas['AppealView'];
/** A list item: the case with its branch, category and agency named. */
export type ListedAppeal = Schemas['AppealListItemView'];
export type AppealStatus = Appeal['status'];
export type DeadlineState = Appeal['deadlineState'];
export type Outcome = NonNullable<Appeal['outcome']>;
export type Channel = Appeal['channel'];
export type AppealKind = Appeal['type'];
export type AppealEvent = Schemas['AppealEventView'];
export type AppealDeadline = Schemas['AppealDeadlineView'];
export type Branch = Schemas['BranchView'];
export type Agency = Schemas['AgencyView'];
export type Category = Schemas['CategoryView'];
export type RoutingRule = Schemas['RoutingRuleView'];
export type StaffAppealInput = Schemas['StaffAppealInput'];
export type CallInput = Schemas['CallInput'];
export type Call = Schemas['CallView'];
export type Reception = Schemas['ReceptionView'];
export type ReceptionInput = Schemas['ReceptionInput'];
export type ReceptionDetails = Schemas['ReceptionDetailView'];
export type VisitInput = Schemas['VisitInput'];
export type StaffNotice = Schemas['StaffNotificationView'];
export type SortOrder = 'receivedAt' | '-receivedAt' | 'dueDate' | '-dueDate';

export const STATUSES: readonly AppealStatus[] = ['registered', 'routed', 'in_progress', 'paused', 'answered', 'closed', 'withdrawn'];
export const CHANNELS: readonly Channel[] = ['portal', 'call_centre', 'reception', 'public_office', 'mail'];
export const OUTCOMES: readonly Outcome[] = ['positive', 'explained', 'rejected', 'without_consideration'];
export const SORTS: readonly SortOrder[] = ['-receivedAt', 'receivedAt', 'dueDate', '-dueDate'];

export interface AppealFilters {
  q?: string;
  status?: AppealStatus;
  deadlineState?: DeadlineState;
  channel?: Channel;
  type?: AppealKind;
  categoryId?: string;
  agencyId?: string;
  receivedFrom?: string;
  receivedTo?: string;
  sort?: SortOrder;
  page?: number;
  pageSize?: number;
}

export async function findAppeals(filters: AppealFilters) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as AppealFilters;
  const page = await call(api.GET('/api/v1/appeals', { params: { query } }));
  return { ...page, items: page.items as unknown as ListedAppeal[] };
}

/** Only the count of a filter (one row asked for): the work-queue badges. */
export async function countAppeals(filters: AppealFilters): Promise<number> {
  return (await findAppeals({ ...filters, page: 1, pageSize: 1 })).total;
}

export const getAppeal = (id: string) => call(api.GET('/api/v1/appeals/{id}', { params: { path: { id } } }));
export const getEvents = (id: string) => call(api.GET('/api/v1/appeals/{id}/events', { params: { path: { id } } }));
export const getDeadline = (id: string) => call(api.GET('/api/v1/appeals/{id}/deadline', { params: { path: { id } } }));

export const listBranches = () => call(api.GET('/api/v1/branches', {})) as Promise<Branch[]>;
export const listAgencies = () => call(api.GET('/api/v1/agencies', {})) as Promise<Agency[]>;
export const listCategories = () => call(api.GET('/api/v1/categories', {}));
export const listRoutingRules = () => call(api.GET('/api/v1/routing-rules', {}));
export const listCalendar = (from: string, to: string) => call(api.GET('/api/v1/calendar', { params: { query: { from, to } } }));
export const dueDateAfter = (from: string, workdays: number) => call(api.GET('/api/v1/calendar/due-date', { params: { query: { from, workdays } } }));

/** Lifecycle actions; every body carries the version the user saw (409 VERSION_CONFLICT if it moved). */
export type ActionBody = {
  route: { agencyId: string; reason?: string };
  accept: Record<string, never>;
  return: { reason: string };
  pause: { reason: string };
  resume: Record<string, never>;
  extend: { dueDate: string; reason: string };
  answer: { outcome: Outcome; text: string; reason?: string };
  close: Record<string, never>;
  reopen: { reason: string };
  withdraw: { reason?: string };
};

export function act<A extends keyof ActionBody>(id: string, action: A, body: ActionBody[A], expectedVersion: number): Promise<Appeal> {
  const params = { params: { path: { id } } };
  const b = { ...body, expectedVersion } as never;
  switch (action) {
    case 'route': return call(api.POST('/api/v1/appeals/{id}/route', { ...params, body: b }));
    case 'accept': return call(api.POST('/api/v1/appeals/{id}/accept', { ...params, body: b }));
    case 'return': return call(api.POST('/api/v1/appeals/{id}/return', { ...params, body: b }));
    case 'pause': return call(api.POST('/api/v1/appeals/{id}/pause', { ...params, body: b }));
    case 'resume': return call(api.POST('/api/v1/appeals/{id}/resume', { ...params, body: b }));
    case 'extend': return call(api.POST('/api/v1/appeals/{id}/extend', { ...params, body: b }));
    case 'answer': return call(api.POST('/api/v1/appeals/{id}/answer', { ...params, body: b }));
    case 'close': return call(api.POST('/api/v1/appeals/{id}/close', { ...params, body: b }));
    case 'reopen': return call(api.POST('/api/v1/appeals/{id}/reopen', { ...params, body: b }));
    default: return call(api.POST('/api/v1/appeals/{id}/withdraw', { ...params, body: b }));
  }
}

export const logCall = (body: CallInput) => call(api.POST('/api/v1/call-centre/calls', { body }));
export const listCalls = (from: string, to?: string) =>
  call(api.GET('/api/v1/call-centre/calls', { params: { query: { from, ...(to ? { to } : {}), pageSize: 200 } } }));

export const listReceptions = (query: { branchId?: string; from?: string; to?: string }) => call(api.GET('/api/v1/receptions', { params: { query } }));
export const createReception = (body: ReceptionInput) => call(api.POST('/api/v1/receptions', { body }));
export const getReception = (id: string) => call(api.GET('/api/v1/receptions/{id}', { params: { path: { id } } })) as Promise<ReceptionDetails>;
export const closeReception = (id: string, endsAt: string) => call(api.PATCH('/api/v1/receptions/{id}', { params: { path: { id } }, body: { endsAt } }));
export const recordVisit = (id: string, body: VisitInput) => call(api.POST('/api/v1/receptions/{id}/visits', { params: { path: { id } }, body }));

export const listNotices = (unread: boolean) => call(api.GET('/api/v1/staff-notifications', { params: { query: { unread, pageSize: 20 } } }));
export const markNoticeRead = (id: number) => call(api.POST('/api/v1/staff-notifications/{id}/read', { params: { path: { id } } }));
