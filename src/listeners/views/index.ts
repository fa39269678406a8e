import type { App, ViewSubmitAction } from '@slack/bolt';
import { ViewId } from '../../blocks/ids.js';
import type { AppDeps } from '../../deps.js';
import { channelSettingsSaved } from './channel-settings-saved.js';
import { citeInsightSubmitted } from './cite-insight-submitted.js';
import { decisionLogged } from './decision-logged.js';
import { digestSubscriptionSaved } from './digest-subscription-saved.js';
import { homeCiteInsightSubmitted } from './home-cite-insight-submitted.js';

export function registerViewListeners(app: App, deps: AppDeps): void {
  app.view<ViewSubmitAction>(ViewId.citeInsight, citeInsightSubmitted(deps));
  app.view<ViewSubmitAction>(ViewId.logDecision, decisionLogged(deps));
  app.view<ViewSubmitAction>(ViewId.channelSettings, channelSettingsSaved(deps));
  app.view<ViewSubmitAction>(ViewId.homeCiteInsight, homeCiteInsightSubmitted(deps));
  app.view<ViewSubmitAction>(ViewId.digestSubscription, digestSubscriptionSaved(deps));
}
