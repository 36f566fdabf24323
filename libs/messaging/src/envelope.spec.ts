import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { EVENT_HEADERS, type Actor } from '#libs/contracts';
import { eventHeaders, isValidEventType, newEvent, parseEnvelope } from './envelope.js';

const actor: Actor = { username: 'wang.li', role: 'officer', bureau: '320902' };
const now = new Date('2026-03-01T08:30:00.000Z');
const base = { type: 'lead.decided', aggregateType: 'lead', aggregateId: 'L-1', bureau: '320902', actor, payload: { outcome: 'filed' } };

describe(newEvent.name, () => {
  it('stamps a UUIDv7 id', () => {
    const sut = newEvent(base, now);
    expect(sut.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('orders ids in creation order even when recorded at the same instant (projections break ties by id)', () => {
    const ids = Array.from({ length: 200 }, () => newEvent(base, now).id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('defaults version to 1 and occurredAt to recordedAt = now', () => {
    const sut = newEvent(base, now);
    expect(sut).toMatchObject({ version: 1, recordedAt: '2026-03-01T08:30:00.000Z', occurredAt: '2026-03-01T08:30:00.000Z' });
    expect(sut).not.toHaveProperty('correlationId');
  });

  it.each([
    ['a Date', new Date('2026-02-27T00:00:00+08:00'), '2026-02-26T16:00:00.000Z'],
    ['an ISO string', '2026-02-27T10:00:00+08:00', '2026-02-27T02:00:00.000Z'],
  ])('keeps a back-dated occurredAt given as %s', (_label, occurredAt, expected) => {
    expect(newEvent({ ...base, occurredAt }, now).occurredAt).toBe(expected);
  });

  it('carries correlationId and version', () => {
    expect(newEvent({ ...base, correlationId: 'req-9', version: 2 }, now)).toMatchObject({ correlationId: 'req-9', version: 2 });
  });

  it('gives distinct ids to events recorded in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 500 }, () => newEvent(base, now).id));
    expect(ids.size).toBe(500);
  });

  it.each([['Lead.Decided'], ['lead'], ['lead.*'], ['lead.>'], ['lead decided'], ['lead..decided']])('rejects event type %s', (type) => {
    expect(() => newEvent({ ...base, type }, now)).toThrow(TypeError);
  });

  it('rejects an invalid occurredAt', () => {
    expect(() => newEvent({ ...base, occurredAt: 'yesterday' }, now)).toThrow(TypeError);
  });
});

describe(isValidEventType.name, () => {
  it.each([
    ['lead.reported_back', true],
    ['case.review_concluded', true],
    ['credit.graded', true],
    ['credit', false],
    ['credit.', false],
  ])('%s → %s', (type, expected) => expect(isValidEventType(type)).toBe(expected));
});

describe(eventHeaders.name, () => {
  it('sets every EVENT_HEADERS entry', () => {
    const event = newEvent({ ...base, correlationId: 'req-1', occurredAt: '2026-02-01T00:00:00Z' }, now);
    expect(eventHeaders(event)).toEqual({
      [EVENT_HEADERS.msgId]: event.id,
      [EVENT_HEADERS.type]: 'lead.decided',
      [EVENT_HEADERS.version]: '1',
      [EVENT_HEADERS.occurredAt]: '2026-02-01T00:00:00.000Z',
      [EVENT_HEADERS.correlationId]: 'req-1',
    });
  });

  it('omits the correlation id when there is none', () => {
    expect(eventHeaders(newEvent(base, now))).not.toHaveProperty(EVENT_HEADERS.correlationId);
  });
});

describe(parseEnvelope.name, () => {
  const good = newEvent(base, now);

  it('accepts a published envelope', () => {
    expect(parseEnvelope(new TextEncoder().encode(JSON.stringify(good)))).toEqual({ ok: true, event: good });
  });

  it.each([
    ['not JSON', '{oops', /unparseable/],
    ['an array', '[]', /not a JSON object/],
    ['no id', JSON.stringify({ ...good, id: undefined }), /id/],
    ['a non-UUID id', JSON.stringify({ ...good, id: '42' }), /id/],
    ['a wildcard type', JSON.stringify({ ...good, type: 'lead.*' }), /type/],
    ['no version', JSON.stringify({ ...good, version: undefined }), /version/],
    ['no payload', JSON.stringify({ ...good, payload: undefined }), /payload/],
  ])('refuses %s', (_label, text, reason) => {
    const sut = parseEnvelope(text);
    expect(sut.ok).toBe(false);
    expect(sut.ok ? '' : sut.reason).toMatch(reason);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(parseEnvelope(new Uint8Array([0xff, 0xfe, 0x7b])).ok).toBe(false);
  });
});
