import type { TagObject } from '@nestjs/swagger';

/**
 * The HTTP contract (API.md) section by section, so /docs reads as the contract: each tag says which
 * sections it implements, and the document's description links every tag (Swagger UI deep links,
 * `#/<tag>`). A tag an operation uses must be listed here (openapi-document.spec.ts).
 */
export const TAGS: TagObject[] = [
  { name: 'auth and users', description: 'API.md “Auth and users” and “Additions (v1.1) › Accounts”: login, the caller, staff accounts, passwords, token revocation, login throttling.' },
  { name: 'reference data', description: 'API.md “Reference data”: branches (central › regional › district › primary), agencies, categories (kk/ru/en names), routing rules. Admin writes; any staff role reads.' },
  { name: 'calendar', description: 'API.md “Reference data” (working-day calendar) and DOMAIN.md’s calendar: holidays, carry-overs and transfers that due dates count in working days.' },
  { name: 'appeals', description: 'API.md “Intake”, “Lifecycle” and “Additions (v1.1) › Finding cases”: staff intake, scoped lists and reads, the history, and one action per lifecycle transition.' },
  { name: 'portal', description: 'API.md “Intake” (portal) and “Additions (v1.1) › Portal”: public, rate-limited submission with an Idempotency-Key, and status by number and tracking code.' },
  { name: 'deadlines', description: 'API.md “Lifecycle” (deadline states) and the statutory terms of DOMAIN.md: a case’s deadline explained, overdue and upcoming lists, policies, staff notices.' },
  { name: 'call centre', description: 'API.md “Intake” (call centre) and “Additions (v1.1) › Finding cases”: calls, each an appeal, a consultation or a status inquiry.' },
  { name: 'receptions', description: 'API.md “Intake” (receptions): sessions held by deputies and agency heads, and their visitors.' },
  { name: 'reports', description: 'API.md “Reports” and “Additions (v1.1) › Exports”: resolution and receptions reports, scoped, as JSON, CSV or XLSX.' },
  { name: 'admin', description: 'Administration beyond the contract: the historical CSV import (README “Historical import”).' },
  { name: 'operations', description: 'API.md “Running”: health of PostgreSQL and Redis, and queue depths.' },
];

const link = (tag: string): string => `[${tag}](#/${encodeURIComponent(tag)})`;

export const CONTRACT_DESCRIPTION = [
  'Case management for citizens’ appeals and public receptions in Kazakhstan: intake from the portal, the call centre and receptions; routing to state agencies; statutory deadlines in working days; reports. This document is generated from the code and describes the HTTP contract (API.md).',
  '',
  '**Conventions** (API.md “Conventions”): everything is JSON (UTF-8) under `/api/v1` except the report exports. Ids are UUIDs; instants are ISO-8601 (returned in UTC); calendar dates are `YYYY-MM-DD` in Asia/Almaty. Staff endpoints need `Authorization: Bearer <accessToken>` (missing or invalid → 401, role not allowed → 403); an object outside the caller’s scope answers 404. Lists take `?page=1&pageSize=50` (pageSize ≤ 200) and answer `{items, total, page, pageSize}`. Unknown fields, malformed JSON, a wrong type or an invalid id → 400, never 500.',
  '',
  '**Errors** always have the `ErrorBody` shape: `{statusCode, code, message, details:[{field, code, message}], errorId?}`; every operation lists the ones it can answer.',
  '',
  '**Languages** (API.md “Additions (v1.1) › Localisation”): every endpoint honours `Accept-Language` (kk, ru, en; default ru) for `message` and `details[].message`; `code` and `details[].code` stay stable.',
  '',
  '**Sections of the contract:**',
  ...TAGS.map((tag) => `- ${link(tag.name)}: ${tag.description}`),
].join('\n');
