/**
 * Builds the Teams app package (manifest + icons) from configuration and validates it offline against Microsoft's
 * schema.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import yazl from 'yazl';
import { colourIcon, outlineIcon } from './icons';

export const MANIFEST_VERSION = '1.24';
const SCHEMA_URL =
  `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}` + '/MicrosoftTeams.schema.json';

/** The package could not be built: a setting is missing or the manifest does not validate. */
export class TeamsPackageError extends Error {
  override readonly name = 'TeamsPackageError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The manifest for our bot in personal scope.
 * @example
 * buildManifest({ appId: '00000000-0000-0000-0000-000000000001', publicUrl: 'https://bot.example.org', version: '0.1.0'
 * })
 */
export function buildManifest(args: { appId?: string; publicUrl?: string; version: string }): Record<string, unknown> {
  if (!args.appId || !GUID.test(args.appId))
    throw new TeamsPackageError("Invalid MICROSOFT_APP_ID: set it to the Azure Bot registration's app id (a GUID).");
  if (!args.publicUrl || !/^https:\/\//.test(args.publicUrl))
    throw new TeamsPackageError('Invalid PUBLIC_URL: set it to the https address the bot is served from.');
  const url = new URL(args.publicUrl);
  const base = url.origin;
  return {
    $schema: SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: args.version,
    id: args.appId,
    developer: {
      name: 'Care leavers participation',
      websiteUrl: base,
      privacyUrl: `${base}/you-said-we-did`,
      termsOfUseUrl: `${base}/you-said-we-did`,
    },
    name: { short: 'Care leavers chat', full: 'Care leavers chat: support, surveys and you said, we did' },
    description: {
      short: 'Find support and have your say as a care leaver.',
      full: [
        'A chatbot for young people leaving care: it points you to services for how you feel, housing, money,',
        'health, education and work, runs short anonymous surveys, and shows what changed because of what young',
        'people said. It is not a crisis service.',
      ].join(' '),
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#005E5E',
    bots: [{ botId: args.appId, scopes: ['personal'], supportsFiles: false, isNotificationOnly: false }],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [url.host],
  };
}

/**
 * Validates the manifest with Microsoft's bundled schema (no network) and writes the zip; returns its path.
 * @example const zip = await writeTeamsPackage({ appId, publicUrl, version: '0.1.0', outDir: 'dist/teams' });
 */
export async function writeTeamsPackage(args: {
  appId?: string;
  publicUrl?: string;
  version: string;
  outDir: string;
}): Promise<string> {
  const manifest = buildManifest(args);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never);
  if (errors.length) throw new TeamsPackageError(`The Teams manifest does not validate: ${errors.join('; ')}`);
  mkdirSync(args.outDir, { recursive: true });
  const zipPath = path.resolve(args.outDir, `care-leavers-bot-teams-${args.version}.zip`);
  const zip = new yazl.ZipFile();
  const fixedTime = new Date('2026-01-01T00:00:00Z');
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json', { mtime: fixedTime });
  zip.addBuffer(colourIcon(), 'color.png', { mtime: fixedTime });
  zip.addBuffer(outlineIcon(), 'outline.png', { mtime: fixedTime });
  zip.end();
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve());
    zip.outputStream.on('error', reject);
  });
  writeFileSync(zipPath, Buffer.concat(chunks));
  return zipPath;
}
