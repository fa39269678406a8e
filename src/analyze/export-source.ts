import { statSync } from 'node:fs';
import { openDirectoryExport } from './directory-export.js';
import type { DayFilePath, FolderInventory, MetaFileRead } from './export-layout.js';
import { openZipExport } from './zip-export.js';

export interface DayFile extends DayFilePath {
  /** `folder/YYYY-MM-DD.json`, relative to the export's top: how messages name the file. */
  path: string;
  /** What it counts for on the progress bar: its size on disk, or compressed in a zip. */
  size: number;
}

/** A day file's bytes, or why they could not be read (the file is skipped, the rest still read). */
export type DayRead = DayFile & ({ bytes: Uint8Array } | { error: string });

/** A Slack export, a folder or a zip, read one day file at a time. */
export interface ExportSource {
  readonly kind: 'folder' | 'zip';
  /** The meta files at the export's top (channels.json, users.json, …), by name. */
  readonly meta: ReadonlyMap<string, MetaFileRead>;
  /** Every folder holding day files, in the order `days` reads them. */
  readonly folders: readonly FolderInventory[];
  /**
   * The day files of the folders given, one at a time; the next is read only once the caller asks for it. Throws when
   * the rest of the export cannot be read at all (a zip damaged past some entry).
   */
  days(folders: ReadonlySet<string>): AsyncGenerator<DayRead>;
  close(): Promise<void>;
}

/** The path cannot be read as a Slack export at all: nothing was analysed. */
export class NotAnExportError extends Error {
  override readonly name = 'NotAnExportError';
}

const HOW_TO_EXPORT =
  'a Slack export is what Workspace settings → Import/Export Data → Export gives: a .zip, or the folder it unzips to';

/** Opens a folder or a zip; throws NotAnExportError when it holds neither channels.json nor channel folders. */
export async function openExportSource(path: string): Promise<ExportSource> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) throw new NotAnExportError(`${path} does not exist`);
  const source = stat.isDirectory() ? openDirectoryExport(path) : await openZipExport(path, HOW_TO_EXPORT);
  if (!source.meta.has('channels.json') && source.folders.length === 0) {
    await source.close();
    throw new NotAnExportError(
      `${path} is not a Slack export: it has no channels.json and no channel folders of day files (general/2026-10-03.json); ${HOW_TO_EXPORT}`,
    );
  }
  return source;
}

/** What went wrong reading a file, for the line that names it. */
export const errorReason = (error: unknown) => (error instanceof Error ? error.message : String(error));
