/** Runs `npm run admin -- …` in-process against a data directory, collecting stdout and stderr lines. */
import { main } from '../../cli/adminCli';

export async function admin(
  dataDir: string,
  ...argv: string[]
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    { DATA_DIR: dataDir },
    { out: (line) => out.push(line), err: (line) => err.push(line) },
  );
  return { code, out, err };
}

/** Like `admin`, but throws when the command fails and returns stdout. */
export async function adminOk(dataDir: string, ...argv: string[]): Promise<string[]> {
  const result = await admin(dataDir, ...argv);
  if (result.code !== 0) throw new Error(`admin ${argv.join(' ')} failed: ${result.err.join(' ')}`);
  return result.out;
}
