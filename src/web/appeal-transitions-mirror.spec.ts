import { ACTIONS, TRANSITIONS } from '../lifecycle/appeal-transitions';
import { allowedActions, CASE_ACTIONS, CASE_TRANSITIONS } from '../../web/src/staff/appeal-transitions';

/** The staff pages offer the actions of a mirrored table (web/src/staff/appeal-transitions.ts): it must be the backend's. */
describe('web mirror of the case state machine', () => {
  it('has the same actions in the same order', () => {
    expect([...CASE_ACTIONS]).toEqual([...ACTIONS]);
  });

  it.each(ACTIONS)('%s: same statuses and roles as the backend', (action) => {
    expect([...CASE_TRANSITIONS[action].from].sort()).toEqual([...TRANSITIONS[action].from].sort());
    expect([...CASE_TRANSITIONS[action].roles].sort()).toEqual([...TRANSITIONS[action].roles].sort());
  });

  it('offers an agency officer accept on a routed case and a controller nothing there but route, extend, withdraw', () => {
    expect(allowedActions('agency_officer', 'routed')).toEqual(['accept', 'return']);
    expect(allowedActions('controller', 'routed')).toEqual(['route', 'extend', 'withdraw']);
    expect(allowedActions('admin', 'closed')).toEqual(['reopen']);
    expect(allowedActions('analyst', 'registered')).toEqual([]);
  });
});
