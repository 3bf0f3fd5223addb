import type { Role } from '../../auth/session';
import type { AppealFilters } from '../work-api';

/** A work queue: a named, counted filter of GET /appeals. Each role's queues are listed here, nowhere else. */
export interface Queue {
  key: string;
  filter: AppealFilters;
}

const CONTROLLER: Queue[] = [
  { key: 'awaitingRouting', filter: { status: 'registered' } },
  { key: 'dueSoon', filter: { deadlineState: 'due_soon' } },
  { key: 'overdue', filter: { deadlineState: 'overdue' } },
  { key: 'answered', filter: { status: 'answered' } },
];

/** The agency's inbox: most urgent first (sort=dueDate). */
const AGENCY: Queue[] = [
  { key: 'toAccept', filter: { status: 'routed', sort: 'dueDate' } },
  { key: 'inWork', filter: { status: 'in_progress', sort: 'dueDate' } },
  { key: 'waitingCitizen', filter: { status: 'paused', sort: 'dueDate' } },
  { key: 'overdue', filter: { deadlineState: 'overdue', sort: 'dueDate' } },
];

export function queuesFor(role: Role): Queue[] {
  return role === 'agency_officer' ? AGENCY : CONTROLLER;
}
