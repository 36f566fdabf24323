import { describe, expect, it } from '@jest/globals';
import { IllegalTransitionError } from '../shared/domain-error.js';
import { assertComplaintTransition, canTransition, COMPLAINT_STATUSES, type ComplaintAction, type ComplaintStatus } from './complaint-status.js';

const ALLOWED: [ComplaintAction, ComplaintStatus[]][] = [
  ['forward', ['received']],
  ['accept', ['received']],
  ['reject', ['received']],
  ['route_odr', ['received']],
  ['pause', ['mediating']],
  ['resume', ['paused']],
  ['end_mediation', ['mediating', 'paused']],
  ['close', ['mediation_ended']],
  ['rate', ['closed', 'odr_closed']],
  ['record_violation', ['mediating', 'paused']],
  ['odr_accept', ['odr_routed']],
  ['odr_close', ['odr_accepted']],
  ['rebase', ['received', 'mediating', 'paused', 'mediation_ended', 'odr_routed', 'odr_accepted']],
];

describe(canTransition.name, () => {
  const cases = ALLOWED.flatMap(([action, from]) => COMPLAINT_STATUSES.map((status) => ({ action, status, expected: from.includes(status) })));
  it.each(cases)('$action from $status → $expected', ({ action, status, expected }) => {
    expect(canTransition(status, action)).toBe(expected);
  });
});

describe(assertComplaintTransition.name, () => {
  it('throws 409 naming the current state', () => {
    let error: unknown;
    try {
      assertComplaintTransition('closed', 'accept');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect((error as IllegalTransitionError).currentState).toBe('closed');
    expect((error as IllegalTransitionError).message).toContain('closed');
  });
});
