/**
 * `npm run bench`: survey turns per second and latency at 200 concurrent conversations against a bare echo bot,
 * and how long results take over 100,000 synthetic responses on the embedded store. Prints figures; asserts nothing.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openServices } from '../app/services';
import { seededRandom } from '../lib/seededRandom';
import { syntheticAnswers } from '../surveys/demoData';
import { buildResults } from '../surveys/results';
import { describeLoad, driveDirectLine, driveMessages, median, percentile, throughput, type Load } from './load';
import { BENCH_SURVEY, ServerMessage } from './protocol';
import { loadCorpus } from '../content/understanding/corpus';
import { loadUnderstander } from '../dialogs/understanding/model';
import { withoutPersonalDetails } from '../dialogs/understanding/understand';
import { scrub } from '../surveys/anonymise/scrubber';
import { startTimes } from './startTime';

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 200);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
/** Which parts to run (comma-separated: start, understanding, chat, results); all by default. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'start,understanding,chat,results').split(','));
/** A directory to write the survey server's CPU profile to (node --cpu-prof), when set. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
/** Interleaved echo and survey runs; the survey's median is compared with the echo's (more runs, steadier median). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

interface ServerUnderTest {
  url: string;
  /** Stops the server; resolves with the responses it stored (null for the echo bot) once the process has exited. */
  stop(): Promise<number | null>;
}

/** Starts a server under test in its own process, the same way for the echo bot and the survey bot. */
function spawnServer(kind: 'echo' | 'survey', execArgv: string[] = []): Promise<ServerUnderTest> {
  const child = fork(path.join(__dirname, 'serverProcess.js'), [kind], { execArgv, stdio: 'inherit' });
  const next = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`The ${kind} server exited (${code}) unexpectedly`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(ServerMessage.parse(message));
      });
    });
  return next().then((ready) => {
    if (ready.kind !== 'ready') throw new Error(`The ${kind} server did not start`);
    return {
      url: ready.url,
      async stop() {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const stopped = next();
        child.send('stop');
        const message = await stopped;
        await exited;
        return message.kind === 'stopped' ? message.stored : null;
      },
    };
  });
}

async function chatThroughput(): Promise<void> {
  const message = (text: string) => ({ type: 'message', text });
  const surveyScript = [
    { type: 'event', name: 'startSurvey', value: { surveyId: BENCH_SURVEY } },
    message('yes'),
    message('7'),
    message('3'),
    message('yeah'),
    message('1 and 3'),
    message('More places to go at weekends'),
    message("I'm OK"),
  ];
  const echoScript = surveyScript.map((_, index) => message(`hello ${index}`));

  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const [echo, survey] = await Promise.all([spawnServer('echo'), spawnServer('survey', profile)]);
  // One whole run of each first, not counted: V8 optimises both servers' code (and the load generator's) over the
  // first thousand turns or so, and a bot measured before that looks slower than it is.
  await driveMessages(echo.url, echoScript, 'warm', CONCURRENT);
  await driveMessages(survey.url, surveyScript, 'warm', CONCURRENT);
  // Interleaved, so a burst of load from elsewhere on the machine falls on both sides alike.
  const echoLoads: Load[] = [];
  const surveyLoads: Load[] = [];
  for (let run = 1; run <= RUNS; run++) {
    echoLoads.push(await driveMessages(echo.url, echoScript, `echo${run}`, CONCURRENT));
    surveyLoads.push(await driveMessages(survey.url, surveyScript, `survey${run}`, CONCURRENT));
  }
  const directLine = await driveDirectLine(survey.url, surveyScript, CONCURRENT);
  await echo.stop();
  const stored = await survey.stop();
  const echoLoad = median(echoLoads);
  const surveyLoad = median(surveyLoads);
  const ratios = surveyLoads.map(
    (load, index) =>
      `${(throughput(load) / throughput(echoLoads[index])).toFixed(2)} ` +
      `(${throughput(load).toFixed(0)}/${throughput(echoLoads[index]).toFixed(0)})`,
  );

  console.log(
    `\nChat turns, ${CONCURRENT} concurrent conversations over HTTP on 127.0.0.1, ` +
      `median of ${RUNS} interleaved runs; ` +
      'each server runs in its own process, the load comes from the bench process:',
  );
  console.log(describeLoad('echo bot', echoLoad));
  console.log(describeLoad('survey bot', surveyLoad));
  console.log(describeLoad('direct line', directLine) + ' (the survey through /v3/directline, one run)');
  console.log(
    `survey/echo throughput ratio: ${(throughput(surveyLoad) / throughput(echoLoad)).toFixed(2)} (aim: at least 0.5; ` +
      `run by run ${ratios.join(', ')}); responses stored: ${stored} of ${(RUNS + 2) * CONCURRENT}`,
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
    `generating and storing them: ${loadSeconds.toFixed(1)} s; ` +
      `results report: median ${percentile(timings, 50).toFixed(0)} ms, worst ${Math.max(...timings).toFixed(0)} ms ` +
      `(aim: under 1000 ms); filtered by age band and theme: ${filtered.toFixed(0)} ms; ` +
      `full recount of the running totals from every response: ${recount.toFixed(1)} s; ` +
      `responses reported: ${responses}`,
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
  console.log(
    `\nUnderstanding (risk, needs, commands) of ${timings.length} corpus messages, ` +
      'personal details scrubbed first as the bot does:',
  );
  console.log(
    `model load from the cache ${loadMs.toFixed(0)} ms (aim: start-up under 3 s); ` +
      `per message p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms, ` +
      `max ${Math.max(...timings).toFixed(1)} ms (aim: p50 under 5 ms)`,
  );
}

async function main(): Promise<void> {
  process.noDeprecation = true;
  console.log(`Node ${process.version}, ${os.cpus().length} cores`);
  if (PARTS.has('start')) await startTimes();
  if (PARTS.has('understanding')) await understandingSpeed();
  if (PARTS.has('chat')) await chatThroughput();
  if (PARTS.has('results')) await resultsSpeed();
  const memory = process.memoryUsage();
  console.log(
    `\nPeak-ish memory at the end: rss ${(memory.rss / 1048576).toFixed(0)} MiB, ` +
      `heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
