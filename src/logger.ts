import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, pino } from 'pino';
import type { Config } from './config.js';

export type { Logger } from 'pino';

export function createLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream): Logger {
  return destination === undefined ? pino({ level, base: undefined }) : pino({ level, base: undefined }, destination);
}

const boltToPino: Record<LogLevel, Config['logLevel']> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt logs through our pino so one LOG_LEVEL governs everything and lines stay JSON. */
export function toBoltLogger(logger: Logger): BoltLogger {
  const bolt = logger.child({ component: 'bolt' });
  const join = (parts: unknown[]) => parts.map(String).join(' ');
  return {
    debug: (...msg) => bolt.debug(join(msg)),
    info: (...msg) => bolt.info(join(msg)),
    warn: (...msg) => bolt.warn(join(msg)),
    error: (...msg) => bolt.error(join(msg)),
    setLevel: (level) => {
      bolt.level = boltToPino[level];
    },
    getLevel: () =>
      (Object.entries(boltToPino).find(([, value]) => value === bolt.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: () => {},
  };
}
