import { ChannelSettingsRepository } from './channel-settings.js';
import { type Database, openDatabase } from './database.js';
import { DecisionRepository } from './decisions.js';
import { DigestDeliveryRepository } from './digest-deliveries.js';
import { DigestSubscriptionRepository } from './digest-subscriptions.js';
import { HuddleThreadRepository } from './huddle-threads.js';
import { MeetingRepository } from './meetings.js';
import { ProcessedEventRepository } from './processed-events.js';
import { SchedulerStateRepository } from './scheduler-state.js';

export interface Store {
  readonly db: Database;
  readonly decisions: DecisionRepository;
  readonly channels: ChannelSettingsRepository;
  readonly events: ProcessedEventRepository;
  readonly huddles: HuddleThreadRepository;
  readonly meetings: MeetingRepository;
  readonly subscriptions: DigestSubscriptionRepository;
  readonly deliveries: DigestDeliveryRepository;
  readonly scheduler: SchedulerStateRepository;
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
    deliveries: new DigestDeliveryRepository(db),
    scheduler: new SchedulerStateRepository(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
