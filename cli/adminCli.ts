/** `npm run admin -- <command>`: surveys, results, actions, staff and demo data, on the same store as the server. */
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { z } from 'zod';
import { StaffRole } from '../lib/staffRoles';
import { ConfigError, type Env } from '../app/config';
import { prepareProcess } from '../app/process';
import { openServices, type Services } from '../app/services';
import { retentionReport } from '../staff/retentionReport';
import { StoreLockedError, type DocumentStore } from '../store/port';
import { NewAction } from '../surveys/actions';
import { SurveyNotFoundError } from '../surveys/catalogue';
import { syntheticAnswers } from '../surveys/demoData';
import { seededRandom } from '../lib/seededRandom';
import type { SurveyServices } from '../surveys/index';
import { buildResults, resultsToCsv } from '../surveys/results';
import { THEMES, themeFrom } from '../surveys/schema';
import { AGE_BANDS, parseResultsFilters, toResponseFilter } from '../staff/results/resultsFilters';
import { commandLinePrincipal } from '../staff/audit';
import type { StaffServices } from '../staff/index';

/** A mistake in the command: shown as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const USAGE = `Usage: npm run admin -- <command>
  surveys list [--format json]
  surveys open <surveyId> [--invite-only] | surveys close <surveyId>
  surveys invite <surveyId> --count <n>   (n single-use invitation links, the last n lines of stdout)
  surveys link <surveyId>   (the link on stdout, a QR code for it on stderr)
  results <surveyId> --format csv|json [--age-band 16_17] [--from YYYY-MM] [--to YYYY-MM] [--theme <theme>]
  actions add --survey <id> --theme <theme> --said "<text>" --did "<text>" --status planned|doing|done [--draft]
  actions list [--format json]
  staff add --name <name> --role participation|cicc|admin
  staff list | staff revoke <staffId>
  demo-data --responses <n> --survey <id>
  retention [--format json]   (what is kept, for how long, and when the next of it is deleted)`;

interface Io {
  out(line: string): void;
  err(line: string): void;
}

interface Context {
  io: Io;
  /** PUBLIC_URL, or the local address, for survey links. */
  publicUrl: string;
  surveys: SurveyServices;
  staff: StaffServices;
  threshold: number;
  /** For the retention report. */
  store?: DocumentStore;
  retentionDays?: number;
}

type Flags = Record<string, string | boolean | undefined>;

const surveyLink = (publicUrl: string, surveyId: string) =>
  `${publicUrl.replace(/\/$/, '')}/?survey=${encodeURIComponent(surveyId)}`;

function flag(flags: Flags, name: string, required = true): string | undefined {
  const value = flags[name];
  if (typeof value === 'string' && value.trim()) return value;
  if (required)
    throw new UsageError(`Missing --${name}. ${name === 'format' ? 'Use --format csv or --format json.' : ''}`.trim());
  return undefined;
}

async function surveysCommand(ctx: Context, [sub, id]: string[], flags: Flags): Promise<void> {
  const actor = commandLinePrincipal();
  if (sub === 'list') {
    const rows = await Promise.all(
      (await ctx.surveys.catalogue.list()).map(async (record) => ({
        id: record._id,
        title: record.definition.title['en-GB'],
        status: record.status,
        responses: await ctx.surveys.responses.countFor(record._id),
      })),
    );
    if (flags.format === 'json') ctx.io.out(JSON.stringify(rows));
    else for (const row of rows) ctx.io.out(`${row.id}\t${row.status}\t${row.responses}\t${row.title}`);
    return;
  }
  if (sub === 'link') {
    if (!id) throw new UsageError('Missing survey id: npm run admin -- surveys link <surveyId>');
    if (!(await ctx.surveys.catalogue.get(id))) throw new SurveyNotFoundError(`There is no survey "${id}".`);
    const link = surveyLink(ctx.publicUrl, id);
    ctx.io.err(await QRCode.toString(link, { type: 'utf8', errorCorrectionLevel: 'M' }));
    ctx.io.out(link);
    return;
  }
  if (sub === 'open' || sub === 'close') {
    if (!id) throw new UsageError(`Missing survey id: npm run admin -- surveys ${sub} <surveyId>`);
    const inviteOnly = sub === 'open' ? flags['invite-only'] === true : undefined;
    await ctx.surveys.catalogue.setStatus(id, sub === 'open' ? 'open' : 'closed', { inviteOnly });
    await ctx.staff.audit.record(
      actor,
      sub === 'open' ? 'survey.open' : 'survey.close',
      id,
      inviteOnly ? 'invite-only' : undefined,
    );
    if (sub === 'close') return ctx.io.err(`Survey ${id} is now closed.`);
    ctx.io.err(
      inviteOnly
        ? `Survey ${id} is now open, by invitation only: ` +
            `make links with npm run admin -- surveys invite ${id} --count <n>`
        : `Survey ${id} is now open. Link: ${surveyLink(ctx.publicUrl, id)} ` +
            `(npm run admin -- surveys link ${id} shows a QR code)`,
    );
    return;
  }
  if (sub === 'invite') {
    if (!id) throw new UsageError('Missing survey id: npm run admin -- surveys invite <surveyId> --count <n>');
    const count = Number(flag(flags, 'count'));
    if (!Number.isInteger(count) || count < 1 || count > 1000)
      throw new UsageError('--count must be a whole number from 1 to 1000.');
    const record = await ctx.surveys.catalogue.get(id);
    if (!record) throw new SurveyNotFoundError(`There is no survey "${id}".`);
    const codes = await ctx.surveys.invitations.create(id, count);
    await ctx.staff.audit.record(actor, 'survey.invite', id, String(count));
    if (!record.inviteOnly)
      ctx.io.err(
        `Note: ${id} is not invite-only, so anyone with the plain link can still answer ` +
          `(npm run admin -- surveys open ${id} --invite-only).`,
      );
    if (!ctx.publicUrl.startsWith('https://'))
      ctx.io.err('Note: these links use the local address; set PUBLIC_URL to the address young people can reach.');
    ctx.io.err(`${count} single-use invitation link${count === 1 ? '' : 's'} for ${id}:`);
    for (const code of codes) ctx.io.out(`${surveyLink(ctx.publicUrl, id)}&invite=${code}`);
    return;
  }
  throw new UsageError(
    'Use: surveys list | surveys open <id> [--invite-only] | surveys close <id> | surveys invite <id> --count <n>',
  );
}

async function resultsCommand(ctx: Context, [id]: string[], flags: Flags): Promise<void> {
  if (!id) throw new UsageError('Missing survey id: npm run admin -- results <surveyId> --format csv|json');
  const format = flag(flags, 'format');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`Unknown --format ${format}: use csv or json.`);
  const record = await ctx.surveys.catalogue.get(id);
  if (!record) throw new SurveyNotFoundError(`There is no survey "${id}".`);
  // The same filter schema as the results page: a wrong value is refused with what would be right.
  const given = {
    theme: flag(flags, 'theme', false),
    ageBand: flag(flags, 'age-band', false),
    from: flag(flags, 'from', false),
    to: flag(flags, 'to', false),
  };
  const { filters, errors } = parseResultsFilters(given, record.definition);
  if (errors.theme) throw new UsageError(`Unknown --theme ${given.theme}: use one of ${THEMES.join(', ')}.`);
  for (const name of ['from', 'to'] as const)
    if (errors[name]) throw new UsageError(`Months look like 2026-11, not ${given[name]}.`);
  if (errors.ageBand === 'notAsked') throw new UsageError(`The survey "${id}" asks no age, so it has no age bands.`);
  if (errors.ageBand) throw new UsageError(`Unknown --age-band ${given.ageBand}: use one of ${AGE_BANDS.join(', ')}.`);
  const results = await buildResults({
    survey: record.definition,
    tallies: ctx.surveys.tallies,
    responses: ctx.surveys.responses,
    threshold: ctx.threshold,
    filters: toResponseFilter(filters),
  });
  await ctx.staff.audit.record(commandLinePrincipal(), 'results.export', id, format);
  if (format === 'json') ctx.io.out(JSON.stringify(results));
  else ctx.io.out(resultsToCsv(results).trimEnd());
}

async function actionsCommand(ctx: Context, [sub]: string[], flags: Flags): Promise<void> {
  if (sub === 'list') {
    const actions = await ctx.surveys.board.all();
    if (flags.format === 'json') ctx.io.out(JSON.stringify(actions));
    else
      for (const action of actions)
        ctx.io.out(
          [
            action._id,
            action.surveyId,
            action.theme,
            action.status,
            action.published ? 'published' : 'draft',
            action.did,
          ].join('\t'),
        );
    return;
  }
  if (sub !== 'add')
    throw new UsageError(
      'Use: actions add --survey <id> --theme <theme> --said "<text>" --did "<text>" ' +
        '--status planned|doing|done [--draft]',
    );
  const surveyId = flag(flags, 'survey')!;
  if (!(await ctx.surveys.catalogue.get(surveyId))) throw new SurveyNotFoundError(`There is no survey "${surveyId}".`);
  const parsed = NewAction.safeParse({
    surveyId,
    theme: themeFrom(flags.theme) ?? flags.theme,
    said: flags.said,
    did: flags.did,
    status: typeof flags.status === 'string' ? flags.status.trim().toLowerCase() : flags.status,
    ...(typeof flags.stage === 'string' ? { stage: flags.stage } : {}),
    ...(typeof flags.owner === 'string' ? { ownerRole: flags.owner } : {}),
    ...(typeof flags.due === 'string' ? { dueOn: flags.due } : {}),
    publish: !flags.draft,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = String(issue.path[0] ?? 'input').replace('surveyId', 'survey');
    const themes = issue.path[0] === 'theme' ? ` (themes: ${THEMES.join(', ')})` : '';
    throw new UsageError(`--${option}: ${issue.message}${themes}`);
  }
  const action = await ctx.surveys.board.add(parsed.data);
  await ctx.staff.audit.record(
    commandLinePrincipal(),
    'action.add',
    action._id,
    action.published ? 'published' : 'draft',
  );
  ctx.io.out(action._id);
  ctx.io.err(
    action.published
      ? 'Action published: young people see it when they ask "what changed?".'
      : 'Action saved as a draft.',
  );
}

async function staffCommand(ctx: Context, [sub, id]: string[], flags: Flags): Promise<void> {
  if (sub === 'add') {
    const parsed = z
      .object({ name: z.string().trim().min(1), role: StaffRole })
      .safeParse({ name: flags.name, role: flags.role });
    if (!parsed.success) throw new UsageError('Use: staff add --name <name> --role participation|cicc|admin');
    const { account, token } = await ctx.staff.accounts.add(parsed.data);
    await ctx.staff.audit.record(commandLinePrincipal(), 'staff.add', account._id, account.role);
    ctx.io.err(
      `Added ${account.name} (${account.role}), id ${account._id}. ` +
        'Give them this sign-in token once; it cannot be shown again:',
    );
    ctx.io.out(token);
    return;
  }
  if (sub === 'list') {
    for (const account of await ctx.staff.accounts.list())
      ctx.io.out(`${account._id}\t${account.role}\t${account.revokedAt ? 'revoked' : 'active'}\t${account.name}`);
    return;
  }
  if (sub === 'revoke') {
    if (!id) throw new UsageError('Use: staff revoke <staffId>');
    await ctx.staff.accounts.revoke(id);
    await ctx.staff.audit.record(commandLinePrincipal(), 'staff.revoke', id);
    ctx.io.err(`Revoked ${id}.`);
    return;
  }
  throw new UsageError('Use: staff add --name <name> --role participation|cicc|admin | staff list | staff revoke <id>');
}

async function demoDataCommand(ctx: Context, flags: Flags): Promise<void> {
  const count = Number(flag(flags, 'responses'));
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new UsageError('--responses must be a whole number from 1 to 1000000.');
  const surveyId = flag(flags, 'survey')!;
  const record = await ctx.surveys.catalogue.get(surveyId);
  if (!record) throw new SurveyNotFoundError(`There is no survey "${surveyId}".`);
  const random = seededRandom(Number(flags.seed ?? 1) || 1);
  await ctx.surveys.responses.addSynthetic(
    record.definition,
    Array.from({ length: count }, () => syntheticAnswers(record.definition, random)),
  );
  await ctx.staff.audit.record(commandLinePrincipal(), 'demo-data', surveyId, String(count));
  ctx.io.err(`Added ${count} synthetic responses to ${surveyId} (marked synthetic).`);
}

async function retentionCommand(ctx: Context, flags: Flags): Promise<void> {
  if (!ctx.store) throw new UsageError('The retention report needs the store.');
  const rows = await retentionReport(ctx.store, ctx.retentionDays ?? 365);
  if (flags.format === 'json') return ctx.io.out(JSON.stringify(rows));
  for (const row of rows) {
    const next = row.nextDeletion ? `; next deletion ${row.nextDeletion} UTC` : '';
    ctx.io.out(`${row.collection.padEnd(17)} ${String(row.documents).padStart(7)}  ${row.keptFor}${next}`);
  }
}

/**
 * Runs one command against an open store.
 * @example
 * await runAdmin(['surveys', 'open', 'wellbeing-check-in'], {
 *   io, surveys, staff, threshold: 5, publicUrl: 'http://127.0.0.1:3978',
 * });
 */
export async function runAdmin(argv: string[], ctx: Context): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      survey: { type: 'string' },
      theme: { type: 'string' },
      said: { type: 'string' },
      did: { type: 'string' },
      status: { type: 'string' },
      stage: { type: 'string' },
      owner: { type: 'string' },
      due: { type: 'string' },
      draft: { type: 'boolean' },
      name: { type: 'string' },
      role: { type: 'string' },
      responses: { type: 'string' },
      seed: { type: 'string' },
      'age-band': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'invite-only': { type: 'boolean' },
      count: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'surveys':
      return surveysCommand(ctx, rest, values);
    case 'results':
      return resultsCommand(ctx, rest, values);
    case 'actions':
      return actionsCommand(ctx, rest, values);
    case 'staff':
      return staffCommand(ctx, rest, values);
    case 'demo-data':
      return demoDataCommand(ctx, values);
    case 'retention':
      return retentionCommand(ctx, values);
    default:
      throw new UsageError(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  }
}

/** The command line entry point: opens the store (refusing, in one line, one a running server holds), runs, closes. */
export async function main(
  argv: string[],
  env: Env,
  io: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
): Promise<number> {
  let services: Services | undefined;
  try {
    services = await openServices(env);
    const { config } = services;
    await runAdmin(argv, {
      io,
      surveys: services.surveys,
      staff: services.staff,
      threshold: config.SUPPRESSION_THRESHOLD,
      publicUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT || 3978}`,
      store: services.store,
      retentionDays: config.RETENTION_DAYS,
    });
    return 0;
  } catch (error) {
    io.err(describe(error, env.DATA_DIR ?? './data'));
    return error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  } finally {
    await services?.close();
  }
}

function describe(error: unknown, dataDir: string): string {
  if (error instanceof StoreLockedError)
    return (
      `The data in ${dataDir} is in use by the running server; ` +
      'use the staff pages (/staff), or stop the server and try again.'
    );
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof SurveyNotFoundError)
    return error.message;
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    return `${(error as Error).message}. Run "npm run admin" to see the commands.`;
  if ((error as { name?: string }).name === 'StaffNotFoundError') return (error as Error).message;
  return `Error: ${(error as Error).message ?? String(error)}`;
}

if (require.main === module) {
  prepareProcess(process.env);
  // "npm run admin -- retention | head" closes the pipe early: that is fine, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  void main(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
