/**
 * Finds a feature's row in a model without holding the features as strings: an open-addressed table of two 32-bit
 * hashes per feature, built once when the model is trained and saved with it, so a start loads the table as a view on
 * the file's bytes instead of splitting 280,000 strings and putting them in a Map (a third of a second of every start).
 * A lookup compares the second hash along the probe chain the first one starts: a feature the model never saw finds a
 * row, and reads its weights, only when its second hash equals one in that chain (about 1 in 2^32 per lookup).
 */

/** FNV-1a over the string's UTF-16 code units, from a given offset basis, with a final mix so every bit counts. */
function hash(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
const SLOT_BASIS = 0x811c9dc5;
const CHECK_BASIS = 0x2f8a3c71;

/** The table's two arrays, as saved in the model file. */
export interface FeatureTable {
  /** Row of the feature in each slot, or -1 for an empty slot; the length is a power of two. */
  rows: Int32Array;
  /** The feature's second hash in each slot. */
  checks: Uint32Array;
}

/**
 * @example
 * const index = FeatureIndex.build(['w:pill', 'w:took']);
 * index.get('w:took') // 1
 */
export class FeatureIndex {
  private readonly mask: number;

  private constructor(
    private readonly table: FeatureTable,
    private readonly rowCount: number,
  ) {
    this.mask = table.rows.length - 1;
  }

  /** A table at most half full, so a lookup probes one or two slots. */
  static build(features: readonly string[]): FeatureIndex {
    let size = 2;
    while (size < features.length * 2) size *= 2;
    const rows = new Int32Array(size).fill(-1);
    const checks = new Uint32Array(size);
    features.forEach((feature, row) => {
      const check = hash(feature, CHECK_BASIS);
      for (let slot = hash(feature, SLOT_BASIS) & (size - 1); ; slot = (slot + 1) & (size - 1)) {
        if (rows[slot] === -1) {
          rows[slot] = row;
          checks[slot] = check;
          return;
        }
        // Both hashes met in one chain (about 1 in 2^32 per feature): a lookup would find the first, so they share it.
        if (checks[slot] === check) return;
      }
    });
    return new FeatureIndex({ rows, checks }, features.length);
  }

  /** A saved table for `features` rows; throws if it cannot be one (a torn or foreign file). */
  static fromTable(table: FeatureTable, features: number): FeatureIndex {
    const size = table.rows.length;
    if (size < 2 || (size & (size - 1)) !== 0 || table.checks.length !== size || size < features)
      throw new Error('The feature table does not fit the model');
    return new FeatureIndex(table, features);
  }

  get(feature: string): number | undefined {
    const { rows, checks } = this.table;
    const check = hash(feature, CHECK_BASIS);
    for (let slot = hash(feature, SLOT_BASIS) & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = rows[slot];
      if (row === -1) return undefined;
      // A row outside the model (a damaged file) would read no weights and score NaN: it counts as never seen.
      if (checks[slot] === check) return row >= 0 && row < this.rowCount ? row : undefined;
    }
  }

  has(feature: string): boolean {
    return this.get(feature) !== undefined;
  }

  /** The arrays to save. */
  saved(): FeatureTable {
    return this.table;
  }
}
