/**
 * PENDING CONTRACT — delete this file after merging the v1.1 API endpoints and running `npm run openapi`.
 *
 * Types of the API.md v1.1 additions that are being built in parallel and are not yet in
 * docs/openapi.json, written from /work/shared/API.md ("Additions (v1.1)"). They only augment the
 * generated `paths` (see WithPending below and client.ts); once the real document has them, delete
 * this file and make `ApiPaths = paths` in client.ts — then `tsc -p web` shows any difference.
 */
import type { components } from './schema';

type Schemas = components['schemas'];
type Status = Schemas['AppealView']['status'];
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Empty = { headers: { [name: string]: unknown }; content?: never };

export interface LocalizedNames {
  kk: string;
  ru: string;
  en: string;
}

export interface PortalReference {
  categories: { id: string; code: string; names: LocalizedNames; parentId: string | null }[];
  branches: { id: string; code: string; names: LocalizedNames; level: Schemas['BranchView']['level']; parentId: string | null }[];
}

/** What GET /portal/appeals/{number} adds in v1.1. */
export interface PortalStatusAdditions {
  agencyNames: LocalizedNames | null;
  stages: { status: Status; at: string }[];
  /** Present while the case is `paused`: what the agency asked. */
  clarificationRequest?: string | null;
}

export interface AppealListItemAdditions {
  branch: { id: string; code: string; name: string };
  category: { id: string; code: string; names: LocalizedNames };
  agency: { id: string; code: string; name: string } | null;
}

export interface ReceptionVisitSummary {
  id: string;
  visitor: { fullName: string; iin?: string | null; phone?: string | null };
  topic: string | null;
  result: 'appeal' | 'consultation';
  appealId: string | null;
  appealNumber: string | null;
}

export interface FeedbackCounters {
  feedbackReceived: number;
  satisfied: number;
  satisfiedShare: number | null;
}

export interface CallPage {
  items: Schemas['CallView'][];
  total: number;
  page: number;
  pageSize: number;
}

/** A user as GET /users (v1.1) lists them and PATCH returns them. */
export type AccountView = Schemas['UserView'] & { active: boolean };
export interface UserPage {
  items: AccountView[];
  total: number;
  page: number;
  pageSize: number;
}
export interface UserListQuery {
  role?: Schemas['UserView']['role'];
  branchId?: string;
  agencyId?: string;
  active?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Only what v1.1 adds; merged into the generated paths by WithPending. */
export interface PendingPaths {
  '/api/v1/portal/reference': {
    get: { parameters: { query?: never }; responses: { 200: Json<PortalReference> } };
  };
  '/api/v1/portal/appeals/{number}': {
    get: { responses: { 200: Json<PortalStatusAdditions> } };
  };
  '/api/v1/portal/appeals/{number}/clarification': {
    post: {
      parameters: { path: { number: string }; query: { trackingCode: string } };
      requestBody: { content: { 'application/json': { text: string } } };
      responses: { 201: Empty };
    };
  };
  '/api/v1/portal/appeals/{number}/feedback': {
    post: {
      parameters: { path: { number: string }; query: { trackingCode: string } };
      requestBody: { content: { 'application/json': { satisfied: boolean; comment?: string } } };
      responses: { 201: Empty };
    };
  };
  '/api/v1/appeals': {
    get: {
      parameters: { query?: { q?: string; type?: Schemas['AppealView']['type']; sort?: 'receivedAt' | '-receivedAt' | 'dueDate' | '-dueDate' } };
      responses: { 200: Json<{ items: AppealListItemAdditions[] }> };
    };
  };
  '/api/v1/call-centre/calls': {
    get: {
      parameters: {
        query?: { from?: string; to?: string; result?: Schemas['CallView']['result']; page?: number; pageSize?: number };
      };
      responses: { 200: Json<CallPage> };
    };
  };
  '/api/v1/call-centre/calls/{id}': {
    get: { parameters: { path: { id: string } }; responses: { 200: Json<Schemas['CallView']> } };
  };
  '/api/v1/receptions/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: Json<Schemas['ReceptionView'] & { visits: ReceptionVisitSummary[] }> };
    };
    patch: {
      parameters: { path: { id: string } };
      requestBody: {
        content: { 'application/json': { endsAt?: string; hostName?: string; format?: Schemas['ReceptionView']['format'] } };
      };
      responses: { 200: Json<Schemas['ReceptionView']> };
    };
  };
  '/api/v1/branches': {
    get: { responses: { 200: Json<{ names: LocalizedNames }[]> } };
  };
  '/api/v1/agencies': {
    get: { responses: { 200: Json<{ names: LocalizedNames }[]> } };
  };
  '/api/v1/auth/me': {
    get: { responses: { 200: Json<Schemas['UserView']> } };
  };
  '/api/v1/users/{id}': {
    patch: {
      parameters: { path: { id: string } };
      requestBody: {
        content: { 'application/json': { fullName?: string; role?: Schemas['UserView']['role']; branchId?: string | null; agencyId?: string | null; active?: boolean } };
      };
      responses: { 200: Json<AccountView> };
    };
  };
  '/api/v1/users/{id}/password': {
    post: {
      parameters: { path: { id: string } };
      requestBody: { content: { 'application/json': { password: string } } };
      responses: { 204: Empty };
    };
  };
  '/api/v1/reports/resolution': {
    get: { responses: { 200: Json<{ rows: FeedbackCounters[]; totals: FeedbackCounters }> } };
  };
}

/** A pending operation replaces a missing one and augments (intersects) an existing one. */
type MergeOperation<G, P> = [NonNullable<G>] extends [never] ? P : NonNullable<G> & P;
type MergeItem<G, P> = Omit<G, keyof P> & { [M in keyof P]: M extends keyof G ? MergeOperation<G[M], P[M]> : P[M] };

export type WithPending<G, P> = Omit<G, keyof P> & {
  [K in keyof P]: K extends keyof G ? MergeItem<G[K], P[K]> : P[K] & { parameters: { query?: never; header?: never; path?: never; cookie?: never } };
};
