import { Status, STATUSES } from '../appeals/appeal.enums';
import { Role, ROLES } from '../common/auth/role';
import { Action, ACTIONS, decide, TRANSITIONS } from './appeal-transitions';

/** API.md "Lifecycle", transcribed row by row (not derived from TRANSITIONS, so a typo in either shows). */
const CONTRACT: Record<Action, { who: Role[]; from: Status[]; to: Status | 'unchanged' }> = {
  route: { who: ['controller'], from: ['registered', 'routed', 'in_progress'], to: 'routed' },
  accept: { who: ['agency_officer'], from: ['routed'], to: 'in_progress' },
  return: { who: ['agency_officer'], from: ['routed', 'in_progress'], to: 'registered' },
  pause: { who: ['agency_officer'], from: ['in_progress'], to: 'paused' },
  resume: { who: ['agency_officer'], from: ['paused'], to: 'in_progress' },
  extend: { who: ['controller'], from: ['routed', 'in_progress', 'paused'], to: 'unchanged' },
  answer: { who: ['agency_officer'], from: ['in_progress'], to: 'answered' },
  close: { who: ['controller'], from: ['answered'], to: 'closed' },
  reopen: { who: ['controller'], from: ['answered', 'closed'], to: 'in_progress' },
  withdraw: { who: ['operator', 'controller'], from: ['registered', 'routed', 'in_progress', 'paused', 'answered'], to: 'withdrawn' },
};

const AGENCY = 'agency-1';
const principal = (role: Role, agencyId: string | null = role === 'agency_officer' ? AGENCY : null) => ({ role, agencyId });

/** One cell per status × role: "→ <status>", or the error code. */
function outcome(action: Action, status: Status, role: Role): string {
  const d = decide({ status, agencyId: AGENCY }, action, principal(role));
  return d.allowed ? `→ ${d.to}` : d.error.code;
}

function expected(action: Action, status: Status, role: Role): string {
  const row = CONTRACT[action];
  if (role !== 'admin' && !row.who.includes(role)) return 'FORBIDDEN';
  if (!row.from.includes(status)) return 'INVALID_TRANSITION';
  return `→ ${row.to === 'unchanged' ? status : row.to}`;
}

const grid = (cell: (action: Action, status: Status, role: Role) => string, action: Action) =>
  Object.fromEntries(STATUSES.map((s) => [s, Object.fromEntries(ROLES.map((r) => [r, cell(action, s, r)]))]));

describe('appeal transitions', () => {
  it('has a row for every action of the contract and no other', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(CONTRACT).sort());
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it.each(ACTIONS)('%s: every status × every role matches API.md', (action) => {
    expect(grid(outcome, action)).toEqual(grid(expected, action));
  });

  it('lets nothing leave withdrawn, and only reopen leave closed', () => {
    for (const action of ACTIONS) {
      expect(decide({ status: 'withdrawn', agencyId: AGENCY }, action, principal('admin')).allowed).toBe(false);
      expect(decide({ status: 'closed', agencyId: AGENCY }, action, principal('admin')).allowed).toBe(action === 'reopen');
    }
  });

  it('answers 404 to an officer of another agency, whatever the status, as the scope would', () => {
    for (const action of ACTIONS.filter((a) => TRANSITIONS[a].roles.includes('agency_officer'))) {
      for (const status of STATUSES) {
        const d = decide({ status, agencyId: AGENCY }, action, principal('agency_officer', 'agency-2'));
        expect(d.allowed ? 'allowed' : d.error.code).toBe('NOT_FOUND');
      }
    }
  });

  it('refuses an officer on a case with no agency (a returned case is no longer theirs)', () => {
    const d = decide({ status: 'registered', agencyId: null }, 'withdraw', principal('agency_officer'));
    expect(d.allowed ? 'allowed' : d.error.code).toBe('FORBIDDEN');
    const accept = decide({ status: 'registered', agencyId: null }, 'accept', principal('agency_officer'));
    expect(accept.allowed ? 'allowed' : accept.error.code).toBe('NOT_FOUND');
  });

  it('lets admin, who belongs to no agency, take the agency actions', () => {
    const d = decide({ status: 'routed', agencyId: AGENCY }, 'accept', principal('admin', null));
    expect(d).toEqual({ allowed: true, to: 'in_progress' });
  });

  it('says which statuses are allowed when refusing a transition', () => {
    const d = decide({ status: 'registered', agencyId: AGENCY }, 'close', principal('controller'));
    expect(d.allowed ? '' : d.error.message).toBe('Cannot close an appeal that is registered (allowed from: answered)');
  });

  it('marks every change but acceptance as affecting deadlines', () => {
    expect(ACTIONS.filter((a) => !TRANSITIONS[a].affectsDeadlines)).toEqual(['accept']);
  });
});
