import { describe, expect, it } from '@jest/globals';
import { DEAD_LETTER_HEADERS, deadLetterHeaders, headerValue } from './dead-letter.js';

describe(deadLetterHeaders.name, () => {
  const info = { reason: 'permanent: bad\npayload', consumer: 'stats', stream: 'WJ_EVENTS', streamSequence: 7, subject: 'wj.ev.lead.decided', deliveryCount: 2 };

  it('keeps the event headers, renames Nats-Msg-Id and drops other Nats-* headers', () => {
    const sut = deadLetterHeaders(
      [
        ['Nats-Msg-Id', ['0190-abc']],
        ['Nats-Expected-Stream', ['WJ_EVENTS']],
        ['Wj-Event-Type', ['lead.decided']],
      ],
      info,
    );
    expect(sut).toEqual([
      [DEAD_LETTER_HEADERS.originalMsgId, '0190-abc'],
      ['Wj-Event-Type', 'lead.decided'],
      [DEAD_LETTER_HEADERS.reason, 'permanent: bad payload'],
      [DEAD_LETTER_HEADERS.consumer, 'stats'],
      [DEAD_LETTER_HEADERS.stream, 'WJ_EVENTS'],
      [DEAD_LETTER_HEADERS.streamSequence, '7'],
      [DEAD_LETTER_HEADERS.subject, 'wj.ev.lead.decided'],
      [DEAD_LETTER_HEADERS.deliveryCount, '2'],
    ]);
  });
});

describe(headerValue.name, () => {
  it.each([
    ['one line', 'one line'],
    ['a\r\nb\nc', 'a b c'],
  ])('%j → %j', (input, expected) => expect(headerValue(input)).toBe(expected));

  it('caps the length', () => expect(headerValue('x'.repeat(5000))).toHaveLength(1024));
});
