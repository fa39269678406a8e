import { openStore, type Store } from '../../src/store/store.js';

/** Opens the database a command under test wrote, reads it and closes it again, so the command sees no open handle. */
export function withStoreAt<T>(databasePath: string, read: (store: Store) => T): T {
  const store = openStore(databasePath);
  try {
    return read(store);
  } finally {
    store.close();
  }
}
