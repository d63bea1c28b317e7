import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { buildManifest, TeamsPackageError, writeTeamsPackage } from '../../bot/teams/teamsPackage';

/** Reads the entries of a zip (local file headers) into a map of name -> bytes. */
function unzip(buffer: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (buffer.readUInt32LE(offset) === 0x04034b50) {
    const method = buffer.readUInt16LE(offset + 8);
    const compressedSize = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extraLength = buffer.readUInt16LE(offset + 28);
    const name = buffer.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    const data = buffer.subarray(start, start + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    offset = start + compressedSize;
  }
  return entries;
}

describe('the Teams app package', () => {
  const appId = '11111111-2222-3333-4444-555555555555';
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'clb-teams-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("holds a manifest that validates against Microsoft's schema, with both icons at the root", async () => {
    const zipPath = await writeTeamsPackage({ appId, publicUrl: 'https://bot.example.org/', version: '0.1.0', outDir });
    const entries = unzip(readFileSync(zipPath));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.bots[0]).toMatchObject({ botId: appId, scopes: ['personal'] });
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    const colour = PNG.sync.read(entries.get('color.png')!);
    const outline = PNG.sync.read(entries.get('outline.png')!);
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // The outline icon is white on transparent only.
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
  });

  it.each([
    [{ appId: undefined, publicUrl: 'https://bot.example.org' }, /MICROSOFT_APP_ID/],
    [{ appId: 'not-a-guid', publicUrl: 'https://bot.example.org' }, /MICROSOFT_APP_ID/],
    [{ appId, publicUrl: 'http://bot.example.org' }, /PUBLIC_URL/],
    [{ appId, publicUrl: undefined }, /PUBLIC_URL/],
  ])('refuses to build without a valid id and https address (%j)', (settings, message) => {
    expect(() => buildManifest({ ...settings, version: '0.1.0' })).toThrow(TeamsPackageError);
    expect(() => buildManifest({ ...settings, version: '0.1.0' })).toThrow(message);
  });
});
