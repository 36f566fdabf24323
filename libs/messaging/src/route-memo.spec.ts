import { describe, expect, it } from '@jest/globals';
import { RouteMemo } from './route-memo.js';

describe(RouteMemo.name, () => {
  it('resolves a pattern once and answers the same route after', () => {
    const resolved: string[] = [];
    const sut = new RouteMemo((p) => (resolved.push(p), `route:${p}`));
    expect([sut.routeOf('lead.received'), sut.routeOf('lead.received'), sut.routeOf('case.filed')]).toEqual(['route:lead.received', 'route:lead.received', 'route:case.filed']);
    expect(resolved).toEqual(['lead.received', 'case.filed']);
  });

  it('stops remembering at its capacity but still answers', () => {
    const resolved: string[] = [];
    const sut = new RouteMemo((p) => (resolved.push(p), p.toUpperCase()), 2);
    for (const p of ['a', 'b', 'c', 'c', 'a']) sut.routeOf(p);
    expect(resolved).toEqual(['a', 'b', 'c', 'c']);
    expect(sut.routeOf('c')).toBe('C');
  });
});
