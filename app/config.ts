/** Reads and validates the environment with zod; a bad value stops start-up with one line naming the variable. */
import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../lib/staffRoles';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const TEAMS_STAFF_ENTRY = `${GUID}/${GUID}=(?:${STAFF_ROLES.join('|')})`;
const TEAMS_STAFF_PATTERN = new RegExp(`^${TEAMS_STAFF_ENTRY}(?:\\s*,\\s*${TEAMS_STAFF_ENTRY})*$`);

/** One Teams staff member on the allow-list. */
export interface TeamsStaffEntry {
  tenantId: string;
  objectId: string;
  role: StaffRole;
}

function parseTeamsStaff(value: string): TeamsStaffEntry[] {
  return value.split(',').map((entry) => {
    const [ids, role] = entry.trim().split('=');
    const [tenantId, objectId] = ids.split('/');
    return {
      tenantId: tenantId.toLowerCase(),
      objectId: objectId.toLowerCase(),
      role: role as TeamsStaffEntry['role'],
    };
  });
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Every variable on its own; the rules that tie variables together are in ConfigSchema below. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: optionalText.pipe(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
  ),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: optionalText.pipe(z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional()),
  PSEUDONYM_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  DIRECTLINE_SECRET: optionalText,
  PUBLIC_URL: optionalText.pipe(z.string().url('must be a URL such as https://bot.example.org').optional()),
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(8000),
  /** Messages a minute one conversation may send (bursts of a third of that are fine); 0 turns limits off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(30),
  /** Staff in Teams: comma-separated tenantId/objectId=role entries (Microsoft Entra ids, never display names). */
  TEAMS_STAFF: optionalText.pipe(
    z
      .string()
      .regex(
        TEAMS_STAFF_PATTERN,
        'must be comma-separated tenantId/objectId=role entries, roles participation, cicc or admin',
      )
      .transform(parseTeamsStaff)
      .optional(),
  ),
});

export const ConfigSchema = EnvSchema.superRefine((env, ctx) => {
  const localMode = !env.MICROSOFT_APP_ID;
  if (localMode && !LOOPBACK_HOSTS.includes(env.HOST)) {
    ctx.addIssue({
      code: 'custom',
      path: ['HOST'],
      message:
        'must be a loopback address (127.0.0.1, localhost or ::1) in local mode: ' +
        'without MICROSOFT_APP_ID the bot accepts unauthenticated requests',
    });
  }
  if (!localMode && !env.PSEUDONYM_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['PSEUDONYM_SECRET'], message: 'is required when MICROSOFT_APP_ID is set' });
  }
  if (!localMode && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
    ctx.addIssue({
      code: 'custom',
      path: ['MICROSOFT_APP_PASSWORD'],
      message: 'is required when MICROSOFT_APP_ID is set (unless MICROSOFT_APP_TYPE=UserAssignedMSI)',
    });
  }
  if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_TENANT_ID) {
    ctx.addIssue({
      code: 'custom',
      path: ['MICROSOFT_APP_TENANT_ID'],
      message: 'is required when MICROSOFT_APP_TYPE=SingleTenant',
    });
  }
});

export type Config = z.infer<typeof ConfigSchema> & { localMode: boolean };

/** A variable failed validation; `message` is one line naming it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The environment as Node gives it (process.env) or as a test writes it. */
export type Env = Record<string, string | undefined>;

function parseEnv<T>(schema: z.ZodType<T>, env: Env): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue.path[0] ?? 'environment');
  const value = env[variable];
  const shown = value === undefined || /SECRET|PASSWORD|URI/.test(variable) ? '' : ` (got "${value}")`;
  throw new ConfigError(`Invalid ${variable}${shown}: ${issue.message}`);
}

/**
 * Validates the environment and returns a typed config.
 * @example const config = loadConfig(process.env); // throws ConfigError "Invalid PORT: ..."
 */
export function loadConfig(env: Env): Config {
  const data = parseEnv(ConfigSchema, env);
  return { ...data, localMode: !data.MICROSOFT_APP_ID };
}

/** What `npm run teams:package` reads: the bot's id and public address, and where to write the zip. */
export type PackagingConfig = Pick<Config, 'MICROSOFT_APP_ID' | 'PUBLIC_URL'> & { TEAMS_PACKAGE_DIR?: string };

/**
 * The Teams packager's variables only: building the package needs neither the app password nor a loopback HOST.
 * @example loadPackagingConfig(process.env).PUBLIC_URL // 'https://bot.example.org'
 */
export function loadPackagingConfig(env: Env): PackagingConfig {
  return parseEnv(
    EnvSchema.pick({ MICROSOFT_APP_ID: true, PUBLIC_URL: true }).extend({ TEAMS_PACKAGE_DIR: optionalText }),
    env,
  );
}

/** True for http(s) URLs whose host is a loopback address. @example isLoopbackUrl('http://127.0.0.1:9/') // true */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
