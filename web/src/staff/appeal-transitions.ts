import type { Role } from '../auth/session';
import type { AppealStatus } from './work-api';

/**
 * The case state machine as the pages need it: which action a role may take from which status.
 * A mirror of src/lifecycle/appeal-transitions.ts (the backend's one source): that file pulls in the
 * entity and error classes, which the browser bundle must not carry, so the data is repeated here
 * and src/web/appeal-transitions-mirror.spec.ts fails the build when the two differ.
 * Admin may take every action (as on the server).
 */
export const CASE_ACTIONS = ['route', 'accept', 'return', 'pause', 'resume', 'extend', 'answer', 'close', 'reopen', 'withdraw'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const OPEN: readonly AppealStatus[] = ['registered', 'routed', 'in_progress', 'paused', 'answered'];

export const CASE_TRANSITIONS: Readonly<Record<CaseAction, { from: readonly AppealStatus[]; roles: readonly Role[] }>> = {
  route: { from: ['registered', 'routed', 'in_progress'], roles: ['controller'] },
  accept: { from: ['routed'], roles: ['agency_officer'] },
  return: { from: ['routed', 'in_progress'], roles: ['agency_officer'] },
  pause: { from: ['in_progress'], roles: ['agency_officer'] },
  resume: { from: ['paused'], roles: ['agency_officer'] },
  extend: { from: ['routed', 'in_progress', 'paused'], roles: ['controller'] },
  answer: { from: ['in_progress'], roles: ['agency_officer'] },
  close: { from: ['answered'], roles: ['controller'] },
  reopen: { from: ['answered', 'closed'], roles: ['controller'] },
  withdraw: { from: OPEN, roles: ['operator', 'controller'] },
};

/** The actions this user may take on a case in this status, in the table's order. */
export function allowedActions(role: Role, status: AppealStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    const t = CASE_TRANSITIONS[a];
    return (role === 'admin' || t.roles.includes(role)) && t.from.includes(status);
  });
}
