import { detect } from './detect.js';
import type { Detection } from './types.js';

/** How the bot reads one message; a promise, so a detector may ask a service over the network. */
export type MessageDetector = (text: string) => Promise<Detection>;

/** The built-in rules and model, in process: no network, the same verdict for the same text. */
export const offlineDetector: MessageDetector = async (text) => detect(text);
