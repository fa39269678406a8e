import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import {
  CHANNELS_FILE,
  dayFilePath,
  type FolderInventory,
  META_FILES,
  type MetaFileRead,
  tooBigForADay,
} from './export-layout.js';
import { type DayRead, type ExportSource, errorReason, NotAnExportError } from './export-source.js';

// Entry by entry from the central directory: the zip is never read whole, and entry sizes are checked as they inflate.
const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };

/** An entry's name relative to where the export starts in the zip: at its top, or one folder down. */
interface Placed {
  top: string;
  relative: string;
}

function place(fileName: string): Placed | undefined {
  const parts = fileName.split('/');
  if (parts.length === 1 || (parts.length === 2 && parts[0] !== '' && dayFilePath(fileName) !== undefined)) {
    return { top: '', relative: fileName };
  }
  const [first, ...rest] = parts;
  if (first === undefined || first === '' || first === '__MACOSX' || rest.length > 2) return undefined;
  return { top: `${first}/`, relative: rest.join('/') };
}

/** The whole entry, inflated; yauzl leaves the checksum to its caller, and a damaged day must not pass for a short one. */
async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const sum = crc32(bytes);
  if (sum !== entry.crc32) {
    throw new Error(
      `its CRC-32 is ${sum.toString(16).padStart(8, '0')}, the zip says ${entry.crc32.toString(16).padStart(8, '0')}: the zip is damaged`,
    );
  }
  return bytes;
}

async function open(path: string, howToExport: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, OPTIONS);
  } catch (error) {
    throw new NotAnExportError(
      `${path} is neither a folder nor a readable zip (${errorReason(error)}); ${howToExport}`,
    );
  }
}

/**
 * A zipped export. A first walk over the zip's central directory finds the meta files (read at once, they are small)
 * and counts each folder's day files; `days` walks it again and inflates one day file at a time.
 */
export async function openZipExport(path: string, howToExport: string): Promise<ExportSource> {
  const zip = await open(path, howToExport);
  const metaEntries = new Map<string, Map<string, yauzl.Entry>>();
  const inventories = new Map<string, Map<string, FolderInventory>>();
  try {
    for await (const entry of zip.eachEntry()) {
      const placed = place(entry.fileName);
      if (placed === undefined) continue;
      if (META_FILES.has(placed.relative)) {
        const found = metaEntries.get(placed.top) ?? new Map<string, yauzl.Entry>();
        found.set(placed.relative, entry);
        metaEntries.set(placed.top, found);
        continue;
      }
      const day = dayFilePath(placed.relative);
      if (day === undefined) continue;
      const folders = inventories.get(placed.top) ?? new Map<string, FolderInventory>();
      const folder = folders.get(day.folder) ?? { folder: day.folder, files: 0, bytes: 0 };
      folder.files += 1;
      folder.bytes += entry.compressedSize;
      folders.set(day.folder, folder);
      inventories.set(placed.top, folders);
    }
  } catch (error) {
    zip.close();
    throw new NotAnExportError(`${path} is a damaged zip: its list of files cannot be read (${errorReason(error)})`);
  }

  // Where channels.json is; else the top, if it has channel folders; else the one folder that has them.
  const tops = [...new Set([...metaEntries.keys(), ...inventories.keys()])];
  const top =
    tops.find((each) => metaEntries.get(each)?.has(CHANNELS_FILE)) ??
    (inventories.has('') ? '' : tops.length === 1 ? tops[0] : undefined) ??
    '';
  const meta = new Map<string, MetaFileRead>();
  for (const [name, entry] of metaEntries.get(top) ?? []) {
    try {
      meta.set(name, { text: (await readEntry(zip, entry)).toString('utf8') });
    } catch (error) {
      meta.set(name, { error: `could not be read from the zip (${errorReason(error)})` });
    }
  }
  zip.close();
  const folders = [...(inventories.get(top)?.values() ?? [])];

  async function* days(chosen: ReadonlySet<string>): AsyncGenerator<DayRead> {
    const again = await open(path, howToExport);
    try {
      for await (const entry of again.eachEntry()) {
        const placed = place(entry.fileName);
        if (placed === undefined || placed.top !== top) continue;
        const where = dayFilePath(placed.relative);
        if (where === undefined || !chosen.has(where.folder)) continue;
        const day = { ...where, path: placed.relative, size: entry.compressedSize };
        const tooBig = tooBigForADay(entry.uncompressedSize);
        if (tooBig !== undefined) {
          yield { ...day, error: tooBig };
          continue;
        }
        try {
          yield { ...day, bytes: await readEntry(again, entry) };
        } catch (error) {
          yield { ...day, error: `could not be read from the zip (${errorReason(error)})` };
        }
      }
    } finally {
      again.close();
    }
  }

  return { kind: 'zip', meta, folders, days, close: async () => {} };
}
