import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps.js';
import { registerActionListeners } from './actions/index.js';
import { registerCommandListeners } from './commands/index.js';
import { registerEventListeners } from './events/index.js';
import { registerMessageListeners } from './messages/index.js';
import { registerViewListeners } from './views/index.js';

export function registerListeners(app: App, deps: AppDeps): void {
  registerMessageListeners(app, deps);
  registerEventListeners(app, deps);
  registerActionListeners(app, deps);
  registerViewListeners(app, deps);
  registerCommandListeners(app, deps);
}
