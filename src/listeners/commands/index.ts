import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { customerCheck } from './customer-check.js';

export function registerCommandListeners(app: App, deps: AppDeps): void {
  app.command('/customer-check', customerCheck(deps));
}
