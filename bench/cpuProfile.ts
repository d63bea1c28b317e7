/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or `BENCH_PROFILE_DIR=dir npm run bench`) as the functions and the
 * packages or folders that took the most CPU: `node dist/bench/cpuProfile.js file.cpuprofile [top]`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type CpuProfile = z.infer<typeof CpuProfile>;

/** node_modules/<package> or our top folder, for "where does the time go" by area. */
function areaOf(url: string): string {
  if (!url) return '(native, GC, idle)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  if (url.startsWith('node:')) return 'node core';
  const ours = /\/dist\/([^/]+)\//.exec(url) ?? /\/(bot|dialogs|content|surveys|store|staff|bench)\//.exec(url);
  return ours ? ours[1] : url;
}

/**
 * Self time per function and per area, in ms, largest first.
 * @example summarise(JSON.parse(readFileSync('CPU.cpuprofile', 'utf8'))).functions.slice(0, 20)
 */
export function summarise(profile: CpuProfile): {
  totalMs: number;
  functions: [string, number][];
  inclusive: [string, number][];
  areas: [string, number][];
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nameOf = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^.*\/(node_modules|dist)\//, '')}:${lineNumber + 1}` : '';
    return `${functionName || '(anonymous)'} ${where}`.trim();
  };
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    total += ms;
    add(functions, nameOf(id), ms);
    add(areas, areaOf(byId.get(id)!.callFrame.url), ms);
    // Inclusive: each function on the sampled stack once, however deep its recursion.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(nameOf(at));
    for (const name of onStack) add(inclusive, name, ms);
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs: total, functions: sorted(functions), inclusive: sorted(inclusive), areas: sorted(areas) };
}

if (require.main === module) {
  const [file, top = '30'] = process.argv.slice(2);
  const { totalMs, functions, inclusive, areas } = summarise(CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8'))));
  const line = ([name, ms]: [string, number]) =>
    `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`;
  console.log(`Total ${totalMs.toFixed(0)} ms sampled.\n\nBy package or folder (self time):`);
  areas.slice(0, 20).forEach((entry) => console.log(line(entry)));
  console.log('\nBy function (self time):');
  functions.slice(0, Number(top)).forEach((entry) => console.log(line(entry)));
  console.log('\nBy function (inclusive time, with what it calls):');
  inclusive.slice(0, Number(top)).forEach((entry) => console.log(line(entry)));
}
