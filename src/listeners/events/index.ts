import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { botJoinedChannel } from './bot-joined-channel.js';

export function registerEventListeners(app: App, deps: AppDeps): void {
  app.event('member_joined_channel', botJoinedChannel(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
