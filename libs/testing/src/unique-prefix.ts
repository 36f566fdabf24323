import { randomBytes } from 'node:crypto';

/** A NATS prefix (subjects, streams, consumers) that no other test run shares. */
export function uniquePrefix(label = 't'): string {
  return `test_${label}_${randomBytes(4).toString('hex')}`.toLowerCase();
}
