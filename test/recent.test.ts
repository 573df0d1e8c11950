import { describe, expect, it } from 'vitest';
import { setRecent } from '@/lib/recent';

describe('setRecent', () => {
  it.each<[string, [string, number][], number, string[]]>([
    ['keeps everything under the bound, oldest first', [['a', 1], ['b', 2]], 3, ['a', 'b']],
    ['drops the least recently set beyond it', [['a', 1], ['b', 2], ['c', 3]], 2, ['b', 'c']],
    ['a key set again becomes the most recent', [['a', 1], ['b', 2], ['a', 3], ['c', 4]], 2, ['a', 'c']],
    ['a bound of one keeps the last', [['a', 1], ['b', 2]], 1, ['b']],
  ])('%s', (_, sets, max, keys) => {
    const map = new Map<string, number>();
    for (const [k, v] of sets) setRecent(map, k, v, max);
    expect([...map.keys()]).toEqual(keys);
    expect(map.get(keys.at(-1)!)).toBe(sets.findLast(([k]) => k === keys.at(-1))![1]);
  });
});
