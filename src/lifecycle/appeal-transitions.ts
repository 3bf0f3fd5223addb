import { Appeal } from '../appeals/appeal.entity';
import { OPEN_STATUSES, Status } from '../appeals/appeal.enums';
import { Principal } from '../common/auth/principal';
import { Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';

export const ACTIONS = ['route', 'accept', 'return', 'pause', 'resume', 'extend', 'answer', 'close', 'reopen', 'withdraw'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Transition {
  from: readonly Status[];
  /** null: the action keeps the status (an extension only moves the due date). */
  to: Status | null;
  /** Besides admin, who may always act. */
  roles: readonly Role[];
  /** The history event's type. */
  event: string;
  /** Whether the case's deadline jobs must be recomputed afterwards (an outbox `deadlines` message). */
  affectsDeadlines: boolean;
}

/**
 * The case state machine (API.md "Lifecycle"), the one source for the use cases, the
 * controller's role checks and the tests.
 */
export const TRANSITIONS: Readonly<Record<Action, Transition>> = {
  route: { from: ['registered', 'routed', 'in_progress'], to: 'routed', roles: ['controller'], event: 'routed', affectsDeadlines: true },
  accept: { from: ['routed'], to: 'in_progress', roles: ['agency_officer'], event: 'accepted', affectsDeadlines: false },
  return: { from: ['routed', 'in_progress'], to: 'registered', roles: ['agency_officer'], event: 'returned', affectsDeadlines: true },
  pause: { from: ['in_progress'], to: 'paused', roles: ['agency_officer'], event: 'paused', affectsDeadlines: true },
  resume: { from: ['paused'], to: 'in_progress', roles: ['agency_officer'], event: 'resumed', affectsDeadlines: true },
  extend: { from: ['routed', 'in_progress', 'paused'], to: null, roles: ['controller'], event: 'extended', affectsDeadlines: true },
  answer: { from: ['in_progress'], to: 'answered', roles: ['agency_officer'], event: 'answered', affectsDeadlines: true },
  close: { from: ['answered'], to: 'closed', roles: ['controller'], event: 'closed', affectsDeadlines: true },
  reopen: { from: ['answered', 'closed'], to: 'in_progress', roles: ['controller'], event: 'reopened', affectsDeadlines: true },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn', roles: ['operator', 'controller'], event: 'withdrawn', affectsDeadlines: true },
};

export type Decision = { allowed: true; to: Status } | { allowed: false; error: AppError };

/**
 * May this caller take this action on this case now? Checked in the order a caller learns
 * things: who they are (403), whether the case is theirs (404, as the scope would answer),
 * then its status (409).
 */
export function decide(appeal: Pick<Appeal, 'status' | 'agencyId'>, action: Action, principal: Pick<Principal, 'role' | 'agencyId'>): Decision {
  const t = TRANSITIONS[action];
  if (principal.role !== 'admin' && !t.roles.includes(principal.role)) {
    return { allowed: false, error: new AppError('FORBIDDEN', `The role ${principal.role} may not ${action} an appeal`) };
  }
  // ScopedAppeals already hides other agencies' cases; repeated here so the rule holds for any caller.
  if (principal.role === 'agency_officer' && appeal.agencyId !== principal.agencyId) {
    return { allowed: false, error: AppError.notFound('Appeal') };
  }
  if (!t.from.includes(appeal.status)) {
    return {
      allowed: false,
      error: new AppError('INVALID_TRANSITION', `Cannot ${action} an appeal that is ${appeal.status} (allowed from: ${t.from.join(', ')})`),
    };
  }
  return { allowed: true, to: t.to ?? appeal.status };
}
