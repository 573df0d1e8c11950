// Bounded memory for what a page remembers while the user scrolls for hours: a Map kept in recency order (a Map
// iterates in insertion order, so its first key is the least recently set) that drops its oldest entries.

/** Sets `key` to `value` as the most recent entry of `map`, then drops the least recent ones beyond `max`. */
export function setRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}
