import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CHANNELS_FILE,
  type DayFilePath,
  dayFilePath,
  type FolderInventory,
  META_FILES,
  type MetaFileRead,
  tooBigForADay,
} from './export-layout.js';
import { type DayRead, type ExportSource, errorReason } from './export-source.js';

/** By name, so every run reads the folders and days in the same order (days' names sort by date). */
function entries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function dayFiles(top: string, folder: string): (DayFilePath & { path: string; file: string })[] {
  return entries(join(top, folder)).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    const where = entry.isFile() ? dayFilePath(path) : undefined;
    return where === undefined ? [] : [{ ...where, path, file: join(top, path) }];
  });
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** An export unzipped by hand often sits one folder down (slack-export/…/channels.json): that folder is the top. */
function exportTop(path: string): string {
  const here = entries(path);
  if (here.some((entry) => entry.isFile() && META_FILES.has(entry.name))) return path;
  const folders = here.filter((entry) => entry.isDirectory());
  const only = folders[0];
  return folders.length === 1 && only !== undefined && isFile(join(path, only.name, CHANNELS_FILE))
    ? join(path, only.name)
    : path;
}

/** An unzipped export: its folders are listed (with their files' sizes) up front, the day files read on demand. */
export function openDirectoryExport(path: string): ExportSource {
  const top = exportTop(path);
  const meta = new Map<string, MetaFileRead>();
  const folders: FolderInventory[] = [];
  for (const entry of entries(top)) {
    if (entry.isFile() && META_FILES.has(entry.name)) {
      try {
        meta.set(entry.name, { text: readFileSync(join(top, entry.name), 'utf8') });
      } catch (error) {
        meta.set(entry.name, { error: `could not be read (${errorReason(error)})` });
      }
    } else if (entry.isDirectory()) {
      const days = dayFiles(top, entry.name);
      if (days.length === 0) continue;
      const bytes = days.reduce((sum, day) => sum + (statSync(day.file, { throwIfNoEntry: false })?.size ?? 0), 0);
      folders.push({ folder: entry.name, files: days.length, bytes });
    }
  }

  async function* days(chosen: ReadonlySet<string>): AsyncGenerator<DayRead> {
    for (const { folder } of folders) {
      if (!chosen.has(folder)) continue;
      for (const { file, ...day } of dayFiles(top, folder)) {
        const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
        const tooBig = tooBigForADay(size);
        if (tooBig !== undefined) {
          yield { ...day, size, error: tooBig };
          continue;
        }
        try {
          yield { ...day, size, bytes: await readFile(file) };
        } catch (error) {
          yield { ...day, size, error: `could not be read (${errorReason(error)})` };
        }
      }
    }
  }

  return { kind: 'folder', meta, folders, days, close: async () => {} };
}
