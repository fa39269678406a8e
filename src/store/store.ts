import { ChannelSettingsRepository } from './channel-settings.js';
import { type Database, openDatabase } from './database.js';
import { DecisionRepository } from './decisions.js';
import { DigestSubscriptionRepository } from './digest-subscriptions.js';
import { HuddleThreadRepository } from './huddle-threads.js';
import { MeetingRepository } from './meetings.js';
import { ProcessedEventRepository } from './processed-events.js';

export interface Store {
  readonly db: Database;
  readonly decisions: DecisionRepository;
  readonly channels: ChannelSettingsRepository;
  readonly events: ProcessedEventRepository;
  readonly huddles: HuddleThreadRepository;
  readonly meetings: MeetingRepository;
  readonly subscriptions: DigestSubscriptionRepository;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  return {
    db,
    decisions: new DecisionRepository(db),
    channels: new ChannelSettingsRepository(db),
    events: new ProcessedEventRepository(db),
    huddles: new HuddleThreadRepository(db),
    meetings: new MeetingRepository(db),
    subscriptions: new DigestSubscriptionRepository(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
