/**
 * `npm run bench`: survey turns per second and latency at 200 concurrent conversations against a bare echo bot,
 * and how long results take over 100,000 synthetic responses on the embedded store. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openServices } from '../app/services';
import { startApp } from '../bot/app';
import { seededRandom } from '../lib/seededRandom';
import { syntheticAnswers } from '../surveys/demoData';
import { buildResults } from '../surveys/results';
import { startEchoBot } from './echoBot';
import { loadCorpus } from '../content/understanding/corpus';
import { loadUnderstander } from '../dialogs/understanding/model';
import { withoutPersonalDetails } from '../dialogs/understanding/understand';
import { scrub } from '../surveys/anonymise/scrubber';

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 200);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const SURVEY = 'wellbeing-check-in';

interface Load {
  turns: number;
  seconds: number;
  latencies: number[];
}

let counter = 0;
async function post(
  url: string,
  conversation: string,
  user: string,
  activity: Record<string, unknown>,
): Promise<number> {
  counter += 1;
  const body = {
    id: `b${counter}`,
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    locale: 'en-GB',
    from: { id: user },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
    ...activity,
  };
  const started = performance.now();
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (response.status >= 400) throw new Error(`HTTP ${response.status}`);
  return performance.now() - started;
}

async function drive(url: string, script: Array<Record<string, unknown>>, prefix: string): Promise<Load> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async (_, index) => {
      for (const activity of script)
        latencies.push(await post(url, `${prefix}-c${index}`, `${prefix}-u${index}`, activity));
    }),
  );
  return { turns: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

/** The run with the median throughput. */
const median = (loads: Load[]): Load =>
  [...loads].sort((a, b) => a.turns / a.seconds - b.turns / b.seconds)[Math.floor(loads.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const describe = (name: string, load: Load) =>
  `${name.padEnd(12)} ${String(load.turns).padStart(5)} turns in ${load.seconds.toFixed(2)} s = ${(load.turns / load.seconds).toFixed(0).padStart(5)} turns/s; latency p50 ${percentile(load.latencies, 50).toFixed(0)} ms, p95 ${percentile(load.latencies, 95).toFixed(0)} ms, max ${Math.max(...load.latencies).toFixed(0)} ms`;

async function chatThroughput(): Promise<void> {
  const message = (text: string) => ({ type: 'message', text });
  const surveyScript = [
    { type: 'event', name: 'startSurvey', value: { surveyId: SURVEY } },
    message('yes'),
    message('7'),
    message('3'),
    message('yeah'),
    message('1 and 3'),
    message('More places to go at weekends'),
    message("I'm OK"),
  ];
  const echoScript = surveyScript.map((_, index) => message(`hello ${index}`));

  const echo = await startEchoBot();
  await drive(echo.url, echoScript.slice(0, 2), 'warm');
  const echoLoad = median([
    await drive(echo.url, echoScript, 'echo1'),
    await drive(echo.url, echoScript, 'echo2'),
    await drive(echo.url, echoScript, 'echo3'),
  ]);
  await echo.close();

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-bench-'));
  const app = await startApp({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  await app.services.surveys.catalogue.setStatus(SURVEY, 'open');
  await drive(app.url, [message('hi')], 'warm');
  const surveyLoad = median([
    await drive(app.url, surveyScript, 'survey1'),
    await drive(app.url, surveyScript, 'survey2'),
    await drive(app.url, surveyScript, 'survey3'),
  ]);
  const stored = await app.store.collection('responses').countDocuments({ surveyId: SURVEY });
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });

  console.log(
    `\nChat turns, ${CONCURRENT} concurrent conversations over HTTP on 127.0.0.1 (expectReplies), median of 3 runs each; the load comes from the same process:`,
  );
  console.log(describe('echo bot', echoLoad));
  console.log(describe('survey bot', surveyLoad));
  console.log(
    `survey/echo throughput ratio: ${(surveyLoad.turns / surveyLoad.seconds / (echoLoad.turns / echoLoad.seconds)).toFixed(2)} (aim: at least 0.5); responses stored: ${stored} of ${3 * CONCURRENT}`,
  );
}

async function resultsSpeed(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-bench-results-'));
  const services = await openServices({ DATA_DIR: dataDir, RETENTION_DAYS: '365' });
  const { surveys } = services;
  const survey = (await surveys.catalogue.get('care-leavers-you-said-we-did'))!.definition;
  const random = seededRandom(42);
  let started = performance.now();
  await surveys.responses.addSynthetic(
    survey,
    Array.from({ length: RESPONSES }, () => syntheticAnswers(survey, random)),
  );
  const loadSeconds = (performance.now() - started) / 1000;
  const timings: number[] = [];
  let responses: number | null = null;
  for (let run = 0; run < 5; run++) {
    started = performance.now();
    const results = await buildResults({
      survey,
      tallies: surveys.tallies,
      responses: surveys.responses,
      threshold: 5,
    });
    timings.push(performance.now() - started);
    responses = results.responses;
  }
  started = performance.now();
  await buildResults({
    survey,
    tallies: surveys.tallies,
    responses: surveys.responses,
    threshold: 5,
    filters: { ageBands: ['18_20'], theme: 'money' },
  });
  const filtered = performance.now() - started;
  started = performance.now();
  await surveys.responses.recount(survey);
  const recount = (performance.now() - started) / 1000;
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`\nResults over ${RESPONSES.toLocaleString('en-GB')} synthetic responses (embedded store):`);
  console.log(
    `generating and storing them: ${loadSeconds.toFixed(1)} s; results report: median ${percentile(timings, 50).toFixed(0)} ms, worst ${Math.max(...timings).toFixed(0)} ms (aim: under 1000 ms); filtered by age band and theme: ${filtered.toFixed(0)} ms; full recount of the running totals from every response: ${recount.toFixed(1)} s; responses reported: ${responses}`,
  );
}

/** The understanding step alone: loading the cached model (start-up) and understanding each corpus message. */
async function understandingSpeed(): Promise<void> {
  let started = performance.now();
  const understander = await loadUnderstander();
  const loadMs = performance.now() - started;
  const timings: number[] = [];
  for (const { text } of loadCorpus()) {
    started = performance.now();
    understander.understand(text, undefined, {
      withoutPersonalDetails: withoutPersonalDetails(text, (piece) => scrub(piece).text),
    });
    timings.push(performance.now() - started);
  }
  console.log(`
Understanding (risk, needs, commands) of ${timings.length} corpus messages, personal details scrubbed first as the bot does:`);
  console.log(
    `model load from the cache ${loadMs.toFixed(0)} ms (aim: start-up under 3 s); per message p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms, max ${Math.max(...timings).toFixed(1)} ms (aim: p50 under 5 ms)`,
  );
}

async function main(): Promise<void> {
  process.noDeprecation = true;
  console.log(`Node ${process.version}, ${os.cpus().length} cores`);
  await understandingSpeed();
  await chatThroughput();
  await resultsSpeed();
  const memory = process.memoryUsage();
  console.log(
    `\nPeak-ish memory at the end: rss ${(memory.rss / 1048576).toFixed(0)} MiB, heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
