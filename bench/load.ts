/** The bench's load generator: conversations that each post a script of activities, many at once, timing every turn. */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** Turns completed, over how long, and each turn's latency in ms. */
export interface Load {
  turns: number;
  seconds: number;
  latencies: number[];
}

export type Script = Array<Record<string, unknown>>;

let counter = 0;
/** Keeps connections open between turns, as Web Chat and the Bot Framework service do. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface Call {
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string;
  /** The loopback address to send from (127.0.0.x): each Direct Line conversation is then a device of its own. */
  from?: string;
}

/** One HTTP exchange over node:http (lighter than fetch, so the load generator takes less of the CPU it measures). */
function call(url: string, { method = 'POST', body, token, from }: Call = {}, retried = false): Promise<string> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method,
        agent,
        localAddress: from,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          if ((response.statusCode ?? 500) >= 400) reject(new Error(`HTTP ${response.statusCode} from ${url}`));
          else resolve(Buffer.concat(chunks).toString('utf8'));
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed as idle just as it was reused: the request never reached the
      // server, so sending it again on a new connection is safe (the retry node's documentation recommends).
      const closedWhileIdle = request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      if (closedWhileIdle && !retried) call(url, { method, body, token, from }, true).then(resolve, reject);
      else reject(error);
    });
    request.end(payload);
  });
}

async function timed(url: string, options: Call): Promise<number> {
  const started = performance.now();
  await call(url, options);
  return performance.now() - started;
}

/** Runs `conversation(index)` for `concurrent` conversations at once; each returns its turns' latencies. */
async function many(concurrent: number, conversation: (index: number) => Promise<number[]>): Promise<Load> {
  const started = performance.now();
  const all = await Promise.all(Array.from({ length: concurrent }, (_, index) => conversation(index)));
  const latencies = all.flat();
  return { turns: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

/**
 * Bot Framework turns: each conversation posts the script to /api/messages with `deliveryMode: "expectReplies"`.
 * @example const load = await driveMessages('http://127.0.0.1:3978', script, 'run1', 200);
 */
export function driveMessages(url: string, script: Script, prefix: string, concurrent: number): Promise<Load> {
  return many(concurrent, async (index) => {
    const latencies: number[] = [];
    for (const activity of script) {
      counter += 1;
      const body = {
        id: `b${counter}`,
        channelId: 'bench',
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        locale: 'en-GB',
        from: { id: `${prefix}-u${index}` },
        recipient: { id: 'bot' },
        conversation: { id: `${prefix}-c${index}` },
        ...activity,
      };
      latencies.push(await timed(`${url}/api/messages`, { body }));
    }
    return latencies;
  });
}

/**
 * Web Chat's path: each conversation gets a token, starts (the welcome turn), posts the script to our Direct Line
 * endpoint (each post runs a turn and stores it), then fetches its transcript once. Only the posts are timed.
 */
export function driveDirectLine(url: string, script: Script, concurrent: number): Promise<Load> {
  const base = `${url}/v3/directline`;
  return many(concurrent, async (index) => {
    // Each conversation from its own loopback address, as each person has their own device: the bot's check on
    // many completions from one address would otherwise turn most of these surveys away.
    const from = `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
    const { token } = JSON.parse(await call(`${base}/tokens/generate`, { from })) as { token: string };
    const started = JSON.parse(await call(`${base}/conversations`, { token, from })) as { conversationId: string };
    const conversation = `${base}/conversations/${started.conversationId}/activities`;
    const latencies: number[] = [];
    for (const activity of script)
      latencies.push(await timed(conversation, { body: { locale: 'en-GB', ...activity }, token, from }));
    const page = JSON.parse(await call(conversation, { method: 'GET', token, from })) as { activities: unknown[] };
    if (page.activities.length <= script.length) throw new Error('Direct Line transcript is missing replies');
    return latencies;
  });
}

/** The value at percentile p (0-100). */
export const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

export const throughput = (load: Load): number => load.turns / load.seconds;

/** The run with the median throughput. */
export const median = (loads: Load[]): Load =>
  [...loads].sort((a, b) => throughput(a) - throughput(b))[Math.floor(loads.length / 2)];

/** One line: turns, time, turns per second and latency percentiles. */
export const describeLoad = (name: string, load: Load): string =>
  `${name.padEnd(12)} ${String(load.turns).padStart(5)} turns in ${load.seconds.toFixed(2)} s = ` +
  `${throughput(load).toFixed(0).padStart(5)} turns/s; latency p50 ${percentile(load.latencies, 50).toFixed(0)} ms, ` +
  `p95 ${percentile(load.latencies, 95).toFixed(0)} ms, max ${Math.max(...load.latencies).toFixed(0)} ms`;
