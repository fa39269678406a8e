import { createWriteStream, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * Zips a folder the way Slack's export zip is laid out: every file by its path inside the folder, `prefix` before it.
 * `stored` leaves the files uncompressed, so a test can change a byte without breaking the deflate stream.
 */
export async function zipFolder(dir: string, zipPath: string, prefix = '', stored = false): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const file of files(dir)) zip.addFile(file, `${prefix}${relative(dir, file)}`, { compress: !stored });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}

const LOCAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Where an entry's data starts in a zip's bytes, read off its local file header. */
export function entryDataOffset(zip: Buffer, name: string): number {
  const wanted = Buffer.from(name);
  for (let at = zip.indexOf(LOCAL_FILE_HEADER); at !== -1; at = zip.indexOf(LOCAL_FILE_HEADER, at + 4)) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 30, at + 30 + nameLength).equals(wanted)) return at + 30 + nameLength + extraLength;
  }
  throw new Error(`no entry ${name} in the zip`);
}
