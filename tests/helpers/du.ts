/** Bytes used by the files under a folder (for "adds under 1 MB" checks). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function du(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? du(full) : statSync(full).size;
  }
  return total;
}
