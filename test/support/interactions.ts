import {
  buttonClick as clickOn,
  viewSubmission as submitView,
  type ViewValues,
} from '../../src/emulator/interactions.js';

export { cardDecisionId, citeValues, type ViewValues } from '../../src/emulator/interactions.js';

/** A click on a card in #product, by Bob unless told otherwise: the tests' usual workspace. */
export function buttonClick(fields: {
  actionId: string;
  value: string;
  user?: string;
  channel?: string;
  cardTs?: string;
  threadTs?: string;
}): Record<string, unknown> {
  return clickOn({
    ...fields,
    user: fields.user ?? 'U0BOB',
    channel: fields.channel ?? 'C0PRODUCT',
    channelName: 'product',
    cardTs: fields.cardTs ?? '1700000000.000100',
    triggerId: '12345.98765.abcd',
  });
}

/** A modal submitted by Bob unless told otherwise. */
export function viewSubmission(fields: {
  callbackId: string;
  privateMetadata: string;
  values: ViewValues;
  user?: string;
}): Record<string, unknown> {
  return submitView({ ...fields, user: fields.user ?? 'U0BOB' });
}
