/** Bounded in-memory maps that forget their least recently set entries first (Map keeps insertion order). */

/**
 * Sets `key` as the newest entry of `map`, then forgets the oldest entries beyond `max`.
 * @example setNewest(buckets, 'c1', bucket, 10_000)
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}
