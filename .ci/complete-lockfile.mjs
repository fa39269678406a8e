// The registry this project installs from lacks some platform builds that packages list as optional
// dependencies (Biome's macOS, Windows, Android and musl CLIs). `npm install` then leaves them out of
// package-lock.json and `npm ci` refuses the lock as out of sync. This adds the missing entries with the
// os/cpu/libc that their names state, so npm skips them on other platforms exactly as it would with a
// complete lock. Run it after `npm install` changes the lock: `node .ci/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(android|darwin|linux|win32|freebsd)-(arm64|x64|ia32|arm)(-musl)?$/;
const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const added = [];

for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = PLATFORM.exec(name);
    if (key in lock.packages || platform === null) continue;
    const [, os, cpu, musl] = platform;
    lock.packages[key] = {
      version,
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(musl ? { libc: ['musl'] } : {}),
      optional: true,
      os: [os],
      ...(entry.engines ? { engines: entry.engines } : {}),
    };
    added.push(`${name}@${version} (for ${path})`);
  }
}

const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b))]);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length === 0 ? 'package-lock.json is complete' : `added:\n  ${added.join('\n  ')}`);
