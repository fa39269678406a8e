import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ActionId } from '../../blocks/ids.js';
import type { AppDeps } from '../../deps.js';
import { answerClicked } from './answer-clicked.js';
import { citeInsightClicked } from './cite-insight-clicked.js';
import { digestSettingsClicked } from './digest-settings-clicked.js';
import { draftPosted } from './draft-posted.js';
import { homeAnswerClicked } from './home-answer-clicked.js';
import { homeCiteInsightClicked } from './home-cite-insight-clicked.js';
import { muteClicked } from './mute-clicked.js';
import { unknownAction } from './unknown-action.js';

// Action ids are plain snake_case words, so they need no escaping inside the pattern.
const ANY_OTHER_ACTION = new RegExp(`^(?!(?:${Object.values(ActionId).join('|')})$)`);

export function registerActionListeners(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(ActionId.citeInsight, citeInsightClicked(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.noInsightYet, answerClicked(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.notCustomerFacing, answerClicked(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.muteChannel, muteClicked(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.postDraft, draftPosted(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.homeCiteInsight, homeCiteInsightClicked(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.homeNoInsightYet, homeAnswerClicked(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.homeNotCustomerFacing, homeAnswerClicked(deps));
  app.action<BlockAction<ButtonAction>>(ActionId.homeDigestSettings, digestSettingsClicked(deps));
  app.action<BlockAction>({ type: 'block_actions', action_id: ANY_OTHER_ACTION }, unknownAction(deps));
}
