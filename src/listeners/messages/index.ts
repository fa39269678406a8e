import { type App, subtype } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { decisionAnnounced } from './decision-announced.js';
import { huddleStarted } from './huddle-started.js';
import { messageDeleted } from './message-deleted.js';
import { messageEdited } from './message-edited.js';

export function registerMessageListeners(app: App, deps: AppDeps): void {
  app.message(decisionAnnounced(deps));
  app.message(subtype('message_changed'), messageEdited(deps));
  app.message(subtype('message_deleted'), messageDeleted(deps));
  app.message(subtype('huddle_thread'), huddleStarted(deps));
}
