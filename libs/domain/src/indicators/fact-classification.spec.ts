import { describe, expect, it } from '@jest/globals';
import { classifyFact, type IndicatorFact } from '#libs/domain';

const march = { from: '2026-03-01', to: '2026-03-31' };
type Row = Pick<IndicatorFact, 'measure' | 'periodDate' | 'altPeriodDate' | 'dueDate' | 'doneDate' | 'favourable'>;
const timely = (f: Partial<Row>): Row => ({ measure: 'timeliness', periodDate: '2026-03-20', altPeriodDate: null, dueDate: '2026-03-20', doneDate: null, favourable: null, ...f });

describe(classifyFact.name, () => {
  it.each<[string, Row, string, string]>([
    ['done on the due date', timely({ doneDate: '2026-03-20' }), '2026-04-10', 'on_time'],
    ['done the day after', timely({ doneDate: '2026-03-21' }), '2026-04-10', 'late'],
    ['open, not yet due', timely({}), '2026-03-20', 'not_counted'],
    ['open, due yesterday: missing with no event', timely({}), '2026-03-21', 'missing'],
    ['due outside the period', timely({ periodDate: '2026-04-01', dueDate: '2026-04-01', doneDate: '2026-03-30' }), '2026-04-10', 'not_counted'],
    ['17.1: due next month but decided in it', timely({ periodDate: '2026-04-02', dueDate: '2026-04-02', altPeriodDate: '2026-03-30', doneDate: '2026-03-30' }), '2026-03-31', 'on_time'],
    ['completion: done late still completes', { ...timely({ doneDate: '2026-05-01' }), measure: 'completion' }, '2026-05-02', 'on_time'],
    ['completion: open past due', { ...timely({}), measure: 'completion' }, '2026-03-25', 'missing'],
    ['outcome favourable', { ...timely({ doneDate: '2026-03-20' }), measure: 'outcome', favourable: true }, '2026-03-20', 'on_time'],
    ['outcome unfavourable', { ...timely({ doneDate: '2026-03-20' }), measure: 'outcome', favourable: false }, '2026-03-20', 'missing'],
  ])('%s', (_, fact, today, expected) => {
    expect(classifyFact(fact, march, today)).toBe(expected);
  });
});
