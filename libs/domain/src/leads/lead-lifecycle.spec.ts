import { describe, expect, it } from '@jest/globals';
import { IllegalTransitionError } from '../shared/domain-error.js';
import { LeadLifecycle, type LeadLifecycleState } from './lead-lifecycle.js';

const state = (over: Partial<LeadLifecycleState> = {}): LeadLifecycleState => ({
  status: 'received',
  channel: 'report',
  extended: false,
  reporterRealName: false,
  reporterNotified: false,
  ...over,
});

type Action = 'pause' | 'resume' | 'extend' | 'decide' | 'reportBack' | 'notifyReporter';
const run = (sut: LeadLifecycle, action: Action) => (action === 'decide' ? sut.decide('no_case') : sut[action]());

describe(LeadLifecycle.name, () => {
  it.each<[string, Partial<LeadLifecycleState>, Action, string]>([
    ['received → pause', {}, 'pause', 'paused'],
    ['verifying → pause', { status: 'verifying' }, 'pause', 'paused'],
    ['paused → resume', { status: 'paused' }, 'resume', 'verifying'],
    ['received → extend', {}, 'extend', 'verifying'],
    ['paused → extend stays paused', { status: 'paused' }, 'extend', 'paused'],
    ['received → decide', {}, 'decide', 'decided'],
    ['verifying → decide', { status: 'verifying' }, 'decide', 'decided'],
    ['assigned decided → report back', { status: 'decided', channel: 'assigned' }, 'reportBack', 'reported_back'],
    ['supervised decided → report back', { status: 'decided', channel: 'supervised' }, 'reportBack', 'reported_back'],
    ['real-name reporter notified after decision', { status: 'decided', reporterRealName: true }, 'notifyReporter', 'decided'],
    ['notified after report-back', { status: 'reported_back', channel: 'assigned', reporterRealName: true }, 'notifyReporter', 'reported_back'],
  ])('%s', (_label, over, action, next) => {
    expect(run(new LeadLifecycle(state(over)), action)).toBe(next);
  });

  it.each<[string, Partial<LeadLifecycleState>, Action, string]>([
    ['second open pause', { status: 'paused' }, 'pause', 'paused'],
    ['resume without a pause', { status: 'verifying' }, 'resume', 'verifying'],
    ['second extension', { status: 'verifying', extended: true }, 'extend', 'verifying'],
    ['extend a decided lead', { status: 'decided' }, 'extend', 'decided'],
    ['decide while paused', { status: 'paused' }, 'decide', 'paused'],
    ['decide twice', { status: 'decided' }, 'decide', 'decided'],
    ['pause a decided lead', { status: 'decided' }, 'pause', 'decided'],
    ['report back a report lead', { status: 'decided', channel: 'report' }, 'reportBack', 'decided'],
    ['report back before the decision', { status: 'verifying', channel: 'assigned' }, 'reportBack', 'verifying'],
    ['report back twice', { status: 'reported_back', channel: 'assigned' }, 'reportBack', 'reported_back'],
    ['notify an anonymous reporter', { status: 'decided' }, 'notifyReporter', 'decided'],
    ['notify before the decision', { status: 'verifying', reporterRealName: true }, 'notifyReporter', 'verifying'],
    ['notify twice', { status: 'decided', reporterRealName: true, reporterNotified: true }, 'notifyReporter', 'decided'],
  ])('refuses %s with 409 naming the current status', (_label, over, action, current) => {
    const sut = new LeadLifecycle(state(over));
    expect(() => run(sut, action)).toThrow(IllegalTransitionError);
    try {
      run(sut, action);
    } catch (error) {
      expect((error as IllegalTransitionError).currentState).toBe(current);
    }
  });
});
