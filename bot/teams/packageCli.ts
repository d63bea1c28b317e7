/** `npm run teams:package`: writes the Teams app package and prints its path on the last line. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadPackagingConfig } from '../../app/config';
import { loadDotEnv } from '../../app/dotenv';
import { projectPath } from '../../lib/paths';
import { TeamsPackageError, writeTeamsPackage } from './teamsPackage';

function fail(error: Error): never {
  const known = error instanceof TeamsPackageError || error instanceof ConfigError;
  process.stderr.write(`${known ? error.message : `Could not build the Teams package: ${error.message}`}\n`);
  process.exit(1);
}

async function main(): Promise<string> {
  // The same .env the server reads, so MICROSOFT_APP_ID and PUBLIC_URL need setting in one place only.
  loadDotEnv(process.env);
  const config = loadPackagingConfig(process.env);
  const { version } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };
  return writeTeamsPackage({
    appId: config.MICROSOFT_APP_ID,
    publicUrl: config.PUBLIC_URL,
    version,
    outDir: config.TEAMS_PACKAGE_DIR ? path.resolve(config.TEAMS_PACKAGE_DIR) : projectPath('dist', 'teams'),
  });
}

main().then((zipPath) => process.stdout.write(`${zipPath}\n`), fail);
