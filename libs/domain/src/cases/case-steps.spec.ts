import { describe, expect, it } from '@jest/globals';
import { IllegalTransitionError, ValidationError } from '../shared/domain-error.js';
import { assertDecisionSteps, assertStepAllowed, type RecordedStep, type StepContext } from './case-steps.js';
import type { CaseStep, DecisionResult } from './vocabulary.js';

const open = (steps: RecordedStep[] = []): StepContext => ({ status: 'filed', filedDate: '2026-03-02', steps });
const decided = (steps: RecordedStep[] = [], result: DecisionResult = 'penalty'): StepContext => ({
  status: 'decided',
  filedDate: '2026-03-02',
  steps,
  decision: { result, date: '2026-04-01' },
});
const notice: RecordedStep = { step: 'notice', date: '2026-03-10' };
const request: RecordedStep = { step: 'hearing_request', date: '2026-03-12' };

describe(assertStepAllowed.name, () => {
  it.each<[string, StepContext, CaseStep, string, unknown]>([
    ['notice first', open(), 'notice', '2026-03-10', undefined],
    ['statement after notice', open([notice]), 'statement', '2026-03-11', undefined],
    ['statement without notice', open(), 'statement', '2026-03-11', IllegalTransitionError],
    ['hearing request without notice', open(), 'hearing_request', '2026-03-11', IllegalTransitionError],
    ['hearing without request', open([notice]), 'hearing', '2026-03-20', IllegalTransitionError],
    ['hearing after request', open([notice, request]), 'hearing', '2026-03-20', undefined],
    ['legal review any time before the decision', open(), 'legal_review', '2026-03-05', undefined],
    ['collective discussion without legal review', open([notice]), 'collective_discussion', '2026-03-20', IllegalTransitionError],
    ['notice twice', open([notice]), 'notice', '2026-03-11', IllegalTransitionError],
    ['notice after the decision', decided(), 'notice', '2026-04-02', IllegalTransitionError],
    ['delivery before the decision', open([notice]), 'delivery', '2026-03-20', IllegalTransitionError],
    ['delivery after the decision', decided([notice]), 'delivery', '2026-04-02', undefined],
    ['enforcement before delivery', decided([notice]), 'enforcement', '2026-04-05', IllegalTransitionError],
    ['enforcement of a no-penalty decision', decided([{ step: 'delivery', date: '2026-04-02' }], 'no_penalty'), 'enforcement', '2026-04-05', IllegalTransitionError],
    ['statement dated before the notice', open([notice]), 'statement', '2026-03-09', ValidationError],
    ['notice dated before filing', open(), 'notice', '2026-03-01', ValidationError],
    ['delivery dated before the decision', decided([notice]), 'delivery', '2026-03-30', ValidationError],
  ])('%s', (_label, ctx, step, date, error) => {
    const sut = () => assertStepAllowed(ctx, step, date);
    if (error) expect(sut).toThrow(error as never);
    else expect(sut).not.toThrow();
  });
});

describe(assertDecisionSteps.name, () => {
  it.each<[string, StepContext, DecisionResult, string, unknown]>([
    ['penalty after notice', open([notice]), 'penalty', '2026-03-20', undefined],
    ['penalty without notice', open(), 'penalty', '2026-03-20', IllegalTransitionError],
    ['penalty with a pending hearing request', open([notice, request]), 'penalty', '2026-03-20', IllegalTransitionError],
    ['no penalty needs no notice', open(), 'no_penalty', '2026-03-20', undefined],
    ['revoked filing needs no notice', open(), 'revoked', '2026-03-20', undefined],
    ['penalty dated before the last step', open([notice]), 'penalty', '2026-03-09', ValidationError],
  ])('%s', (_label, ctx, result, date, error) => {
    const sut = () => assertDecisionSteps(ctx, result, date);
    if (error) expect(sut).toThrow(error as never);
    else expect(sut).not.toThrow();
  });
});
