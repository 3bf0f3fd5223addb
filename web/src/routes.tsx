import { ComponentType, lazy, LazyExoticComponent } from 'react';
import HomePage from './portal/HomePage';
import { Role, ROLES } from './auth/session';
import type { Namespace } from './i18n/i18n';

/**
 * THE route table of the web app. Public pages first, then the staff pages, which are all loaded
 * lazily (their code and catalogues are separate chunks: the citizens' pages stay small).
 *
 * Adding a staff page = one row in STAFF_ROUTES: its path under /staff, the page component (lazy,
 * from its area folder: staff/, analyst/, admin/), the roles that may open it, and, if it belongs in
 * the navigation, its label key in the area's catalogue. The shell builds the menu from these rows.
 */
type Page = LazyExoticComponent<ComponentType> | ComponentType;

export interface PublicRoute {
  path: string;
  page: Page;
}

export interface StaffRoute {
  /** Relative to /staff ('' is the staff home). */
  path: string;
  page: Page;
  roles: readonly Role[];
  /** Menu entry: catalogue (area) and key of its label; absent = reachable by links only. */
  nav?: { ns: Namespace; key: string };
}

export const PUBLIC_ROUTES: PublicRoute[] = [
  // The first page most visitors see is part of the main bundle: one round trip less on a slow line.
  { path: '/', page: HomePage },
  { path: '/appeal', page: lazy(() => import('./portal/appeal-form/AppealFormPage')) },
  { path: '/appeal/receipt', page: lazy(() => import('./portal/receipt/ReceiptPage')) },
  { path: '/track', page: lazy(() => import('./portal/tracking/TrackPage')) },
];

export const SIGN_IN_PAGE: Page = lazy(() => import('./staff/SignInPage'));
export const STAFF_SHELL: Page = lazy(() => import('./staff/StaffShell'));

export const STAFF_ROUTES: StaffRoute[] = [
  { path: '', page: lazy(() => import('./staff/StaffHomePage')), roles: ROLES, nav: { ns: 'staff', key: 'nav.home' } },
  { path: 'calls', page: lazy(() => import('./staff/call-centre/CallConsolePage')), roles: ['operator', 'admin'], nav: { ns: 'staff', key: 'navWork.calls' } },
  { path: 'receptions', page: lazy(() => import('./staff/receptions/ReceptionsPage')), roles: ['reception', 'controller', 'admin'], nav: { ns: 'staff', key: 'navWork.receptions' } },
  { path: 'receptions/:id', page: lazy(() => import('./staff/receptions/ReceptionPage')), roles: ['reception', 'controller', 'admin'] },
  { path: 'cases', page: lazy(() => import('./staff/cases/CasesPage')), roles: ['controller', 'agency_officer', 'operator', 'admin'], nav: { ns: 'staff', key: 'navWork.cases' } },
  { path: 'cases/:id', page: lazy(() => import('./staff/cases/CasePage')), roles: ['controller', 'agency_officer', 'operator', 'reception', 'admin'] },
  // staff/ (case work), analyst/ (dashboard, reports) and admin/ (users, reference data) pages go here.
  { path: 'dashboard', page: lazy(() => import('./analyst/DashboardPage')), roles: ['analyst', 'controller', 'admin'], nav: { ns: 'analyst', key: 'nav.dashboard' } },
  { path: 'reports/receptions', page: lazy(() => import('./analyst/ReceptionsReportPage')), roles: ['analyst', 'controller', 'admin'], nav: { ns: 'analyst', key: 'nav.receptions' } },
  { path: 'deadlines', page: lazy(() => import('./analyst/DeadlinesPage')), roles: ['controller', 'admin'], nav: { ns: 'analyst', key: 'nav.deadlines' } },
  // The admin's start page lists every administration page; the menu keeps the daily ones.
  { path: 'admin', page: lazy(() => import('./admin/AdminHomePage')), roles: ['admin'], nav: { ns: 'admin', key: 'nav.admin' } },
  { path: 'admin/users', page: lazy(() => import('./admin/UsersPage')), roles: ['admin'], nav: { ns: 'admin', key: 'nav.users' } },
  { path: 'admin/reference', page: lazy(() => import('./admin/ReferencePage')), roles: ['admin'] },
  { path: 'admin/routing', page: lazy(() => import('./admin/RoutingRulesPage')), roles: ['admin'] },
  { path: 'admin/calendar', page: lazy(() => import('./admin/CalendarPage')), roles: ['admin'], nav: { ns: 'admin', key: 'nav.calendar' } },
  { path: 'admin/policies', page: lazy(() => import('./admin/PoliciesPage')), roles: ['admin'] },
  { path: 'admin/imports', page: lazy(() => import('./admin/ImportPage')), roles: ['admin'] },
  { path: 'deadlines/list', page: lazy(() => import('./analyst/DeadlineListPage')), roles: ['controller', 'admin'] },
];
