/** The import rules `npm run deps` checks (.dependency-cruiser.cjs) catch what they are for, on a made-up tree. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** Writes the files into a fresh folder laid out like the project, and runs the project's check over it. */
function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clb-layers-'));
  try {
    for (const [file, text] of Object.entries({ 'tsconfig.json': '{}', ...files })) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const folders = [...new Set(Object.keys(files).map((file) => file.split('/')[0]))];
    const result = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
        ...folders,
        '--config',
        path.join(root, '.dependency-cruiser.cjs'),
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the import rules', () => {
  it('accept imports that point down the layers', () => {
    const { status, output } = cruise({
      'lib/paths.ts': 'export const root = "/";\n',
      'store/port.ts': 'import { root } from "../lib/paths";\nexport const port = root;\n',
      'app/services.ts': 'import { port } from "../store/port";\nexport const services = port;\n',
      'bot/app.ts': 'import { services } from "../app/services";\nexport const app = services;\n',
      'cli/adminCli.ts': 'import { services } from "../app/services";\nexport const cli = services;\n',
    });
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  }, 60000);

  it('refuse an import up the layers, an import cycle (types too), and HTTP below bot/', () => {
    const { status, output } = cruise({
      'app/services.ts': 'export const services = 1;\n',
      'store/port.ts': 'import { services } from "../app/services";\nexport const port = services;\n',
      'surveys/responses.ts': 'import type { Tally } from "./tallies";\nexport interface Response { t?: Tally }\n',
      'surveys/tallies.ts': 'import type { Response } from "./responses";\nexport interface Tally { r?: Response }\n',
      'dialogs/route.ts': 'import type { Server } from "restify";\nexport type S = Server;\n',
      'cli/adminCli.ts': 'import { services } from "../app/services";\nexport const cli = services;\n',
    });
    expect(output).toMatch(/layer-store: store\/port\.ts → app\/services\.ts/);
    expect(output).toMatch(/no-circular: surveys\/(responses|tallies)\.ts/);
    expect(output).toMatch(/http-only-in-bot: dialogs\/route\.ts/);
    expect(output).not.toContain('cli/adminCli.ts');
    expect(status).not.toBe(0);
  }, 60000);
});
