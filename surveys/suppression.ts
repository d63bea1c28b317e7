/**
 * Small-number suppression: counts under the threshold are hidden, and more are hidden when subtraction could reveal
 * them.
 */

/** A count as published: a number, or null with `suppressed: true`. */
export interface Cell {
  count: number | null;
  suppressed?: true;
}

export const shown = (count: number): Cell => ({ count });
export const hidden = (): Cell => ({ count: null, suppressed: true });

/**
 * Suppresses a group of counts that add up to a published total. Every count under the threshold is hidden
 * (primary); then, while the hidden counts add up to between 1 and threshold - 1 (so subtracting the shown ones
 * from the total would reveal a small number), the smallest shown count is hidden too (secondary).
 * @example suppressGroup([40, 3, 12], 5) // [{count:40}, hidden, hidden]: 3 alone could be worked out from the total
 * @example suppressGroup([40, 0], 5)     // [{count:40}, hidden]: a hidden 0 reveals nobody
 */
export function suppressGroup(counts: number[], threshold: number): Cell[] {
  const isHidden = counts.map((count) => count < threshold);
  const hiddenSum = () => counts.reduce((sum, count, index) => sum + (isHidden[index] ? count : 0), 0);
  while (hiddenSum() > 0 && hiddenSum() < threshold) {
    let smallest = -1;
    counts.forEach((count, index) => {
      if (!isHidden[index] && (smallest === -1 || count < counts[smallest])) smallest = index;
    });
    if (smallest === -1) break;
    isHidden[smallest] = true;
  }
  return counts.map((count, index) => (isHidden[index] ? hidden() : shown(count)));
}

/** One count on its own (a total): hidden under the threshold. */
export function suppressOne(count: number, threshold: number): Cell {
  return count < threshold ? hidden() : shown(count);
}
