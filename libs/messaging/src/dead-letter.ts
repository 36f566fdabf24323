/** Headers added to a dead-lettered message, next to the original ones. */
export const DEAD_LETTER_HEADERS = {
  reason: 'Wj-Dlq-Reason',
  consumer: 'Wj-Dlq-Consumer',
  stream: 'Wj-Dlq-Stream',
  streamSequence: 'Wj-Dlq-Stream-Seq',
  subject: 'Wj-Dlq-Subject',
  deliveryCount: 'Wj-Dlq-Delivery-Count',
  originalMsgId: 'Wj-Dlq-Original-Msg-Id',
} as const;

export interface DeadLetterInfo {
  reason: string;
  consumer: string;
  stream: string;
  streamSequence: number;
  subject: string;
  deliveryCount: number;
}

/** NATS header values are single-line; a stack trace or multi-line message is flattened and capped. */
export function headerValue(value: string, max = 1024): string {
  return value.replace(/[\r\n]+/g, ' ').slice(0, max);
}

/**
 * The header set of a dead-letter message: the original headers (its Nats-* ones renamed, so the
 * DLQ stream does not treat them as its own), plus why and where it came from.
 */
export function deadLetterHeaders(original: Iterable<[string, string[]]>, info: DeadLetterInfo): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, values] of original) {
    if (key.toLowerCase() === 'nats-msg-id') {
      for (const v of values) out.push([DEAD_LETTER_HEADERS.originalMsgId, v]);
    } else if (!key.toLowerCase().startsWith('nats-')) {
      for (const v of values) out.push([key, v]);
    }
  }
  out.push(
    [DEAD_LETTER_HEADERS.reason, headerValue(info.reason)],
    [DEAD_LETTER_HEADERS.consumer, info.consumer],
    [DEAD_LETTER_HEADERS.stream, info.stream],
    [DEAD_LETTER_HEADERS.streamSequence, String(info.streamSequence)],
    [DEAD_LETTER_HEADERS.subject, info.subject],
    [DEAD_LETTER_HEADERS.deliveryCount, String(info.deliveryCount)],
  );
  return out;
}
