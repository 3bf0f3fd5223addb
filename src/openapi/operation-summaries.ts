/**
 * A one-line summary per operation, keyed by operationId (`<Controller>_<method>`), for the operations
 * whose handler carries none (`@ApiOperation({ summary })` or a doc comment wins). A new endpoint
 * without either fails openapi-document.spec.ts until it has a row here; so does a row whose operation
 * no longer exists.
 */
export const OPERATION_SUMMARIES: Record<string, string> = {
  Auth_login: 'Log in with login and password; returns an access token and the user',
  Auth_me: 'The caller’s own user',

  Users_create: 'Create a staff account',
  Users_list: 'List staff accounts, filtered by role, branch, agency, activity or name',
  Users_update: 'Change a staff account’s name, role, scope or activity; revokes its tokens when scope or activity change',
  Users_setPassword: 'Set a staff account’s password (admin); revokes its tokens',

  Org_createBranch: 'Create a branch under its parent',
  Org_listBranches: 'List branches, or the children of one',
  Org_createAgency: 'Create a state agency',
  Org_listAgencies: 'List state agencies',
  Classifier_create: 'Create a category (or a subtopic under a parent)',
  Classifier_list: 'List categories with their kk, ru and en names',
  Routing_create: 'Create a routing rule: category × territory → agency',
  Routing_list: 'List routing rules',

  Calendar_list: 'Working-day calendar between two dates',
  Calendar_dueDate: 'The date a given number of working days after a start date',
  Calendar_setDay: 'Mark a date as a holiday or a working day; open cases’ due dates follow',
  Calendar_deleteDay: 'Remove a correction from the calendar; open cases’ due dates follow',

  Appeals_list: 'Find cases in the caller’s scope, filtered and paged',
  Appeals_get: 'One case',
  Appeals_events: 'A case’s history, oldest first',

  Portal_submit: 'Submit an appeal from the public portal; returns the number and tracking code',
  Portal_status: 'A portal appeal’s status, by number and tracking code',
  Portal_referenceData: 'What the portal form needs: categories and districts in kk/ru/en (cacheable, ETag)',
  Portal_clarify: 'The citizen answers the agency’s question while the case is paused',
  Portal_rate: 'The citizen rates the answer (once, after it is given)',

  Deadlines_deadline: 'A case’s deadline explained: policy, basis, skipped days, history and scheduled moments',
  Deadlines_listNotifications: 'The caller’s staff notices (reminders, overdue cases, escalations)',
  Deadlines_markRead: 'Mark one staff notice as read',

  CallCentre_create: 'Log a call; an appeal call registers the appeal in the same request',
  CallCentre_get: 'One logged call',
  Receptions_create: 'Schedule or record a reception session',
  Receptions_list: 'List reception sessions in the caller’s scope',
  Receptions_addVisit: 'Record a visitor at a reception; an appeal visit registers the appeal',
  Receptions_update: 'Change a session after the fact: when it ended, its host or format',

  Reports_resolutionReport: 'Resolution report: appeals received, decided, pending and overdue (JSON, CSV or XLSX)',
  Reports_receptionsReport: 'Receptions report: sessions, visitors and the appeals they gave (JSON, CSV or XLSX)',

  AppealImports_create: 'Upload a historical CSV of finished appeals; imported in the background',
  AppealImports_get: 'An import’s progress and the problems of its lines',
};
