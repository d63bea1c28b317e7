/** `npm run teams:package`: writes the Teams app package and prints its path on the last line. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TeamsPackageError, writeTeamsPackage } from './teamsPackage';

// npm runs scripts from the project root, where package.json holds the version.
const version = (JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version: string }).version;

writeTeamsPackage({
  appId: process.env.MICROSOFT_APP_ID,
  publicUrl: process.env.PUBLIC_URL,
  version,
  outDir: path.resolve(process.env.TEAMS_PACKAGE_DIR ?? 'dist/teams'),
}).then(
  (zipPath) => process.stdout.write(`${zipPath}\n`),
  (error: Error) => {
    process.stderr.write(
      `${error instanceof TeamsPackageError ? error.message : `Could not build the Teams package: ${error.message}`}\n`,
    );
    process.exit(1);
  },
);
