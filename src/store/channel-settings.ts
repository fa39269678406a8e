import type { Database } from 'better-sqlite3';

export interface ChannelSettings {
  teamId: string;
  channelId: string;
  /** Muted now; a mute whose `mutedUntil` has passed no longer counts. */
  muted: boolean;
  mutedBy: string | null;
  mutedUntil: number | null;
  digestEnabled: boolean;
  huddleCardsEnabled: boolean;
  /** Minutes between two prompts in this channel; null means the configured default. */
  cooldownMinutes: number | null;
  lastPromptId: string | null;
  lastPromptedAt: number | null;
  welcomedAt: number | null;
}

interface ChannelSettingsRow {
  team_id: string;
  channel_id: string;
  muted: number;
  muted_by: string | null;
  muted_until: number | null;
  digest_enabled: number;
  huddle_cards_enabled: number;
  cooldown_minutes: number | null;
  last_prompt_id: string | null;
  last_prompted_at: number | null;
  welcomed_at: number | null;
}

export class ChannelSettingsRepository {
  private readonly select;
  private readonly ensure;
  private readonly updateMuted;
  private readonly updateOptions;
  private readonly updateLastPrompt;
  private readonly claimWelcomeRow;
  private readonly releaseWelcomeRow;

  constructor(private readonly db: Database) {
    this.select = db.prepare<[string, string], ChannelSettingsRow>(
      'SELECT * FROM channel_settings WHERE team_id = ? AND channel_id = ?',
    );
    this.ensure = db.prepare<[string, string]>(
      'INSERT INTO channel_settings (team_id, channel_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.updateMuted = db.prepare<[number, string | null, number | null, number | null, string, string]>(
      'UPDATE channel_settings SET muted = ?, muted_by = ?, muted_at = ?, muted_until = ? WHERE team_id = ? AND channel_id = ?',
    );
    this.updateOptions = db.prepare<[number, number, number | null, string, string]>(
      'UPDATE channel_settings SET digest_enabled = ?, huddle_cards_enabled = ?, cooldown_minutes = ? WHERE team_id = ? AND channel_id = ?',
    );
    this.updateLastPrompt = db.prepare<[string, number, string, string]>(
      'UPDATE channel_settings SET last_prompt_id = ?, last_prompted_at = ? WHERE team_id = ? AND channel_id = ?',
    );
    this.claimWelcomeRow = db.prepare<[number, string, string]>(
      'UPDATE channel_settings SET welcomed_at = ? WHERE team_id = ? AND channel_id = ? AND welcomed_at IS NULL',
    );
    this.releaseWelcomeRow = db.prepare<[string, string]>(
      'UPDATE channel_settings SET welcomed_at = NULL WHERE team_id = ? AND channel_id = ?',
    );
  }

  /** The channel's settings as they stand at `now` (an expired mute reads as unmuted). */
  get(teamId: string, channelId: string, now: number): ChannelSettings {
    const row = this.select.get(teamId, channelId);
    const mutedUntil = row?.muted_until ?? null;
    const muted = row?.muted === 1 && (mutedUntil === null || mutedUntil > now);
    return {
      teamId,
      channelId,
      muted,
      mutedBy: muted ? (row?.muted_by ?? null) : null,
      mutedUntil: muted ? mutedUntil : null,
      digestEnabled: row?.digest_enabled !== 0,
      huddleCardsEnabled: row?.huddle_cards_enabled !== 0,
      cooldownMinutes: row?.cooldown_minutes ?? null,
      lastPromptId: row?.last_prompt_id ?? null,
      lastPromptedAt: row?.last_prompted_at ?? null,
      welcomedAt: row?.welcomed_at ?? null,
    };
  }

  /** Mutes until `until` (null: until unmuted), or unmutes. */
  setMuted(
    teamId: string,
    channelId: string,
    mute: { muted: false } | { muted: true; by: string; until: number | null },
    now: number,
  ): void {
    this.db.transaction(() => {
      this.ensure.run(teamId, channelId);
      if (mute.muted) this.updateMuted.run(1, mute.by, now, mute.until, teamId, channelId);
      else this.updateMuted.run(0, null, null, null, teamId, channelId);
    })();
  }

  setOptions(
    teamId: string,
    channelId: string,
    options: { digestEnabled: boolean; huddleCardsEnabled: boolean; cooldownMinutes: number | null },
  ): void {
    this.db.transaction(() => {
      this.ensure.run(teamId, channelId);
      this.updateOptions.run(
        options.digestEnabled ? 1 : 0,
        options.huddleCardsEnabled ? 1 : 0,
        options.cooldownMinutes,
        teamId,
        channelId,
      );
    })();
  }

  recordPrompt(teamId: string, channelId: string, promptId: string, now: number): void {
    this.db.transaction(() => {
      this.ensure.run(teamId, channelId);
      this.updateLastPrompt.run(promptId, now, teamId, channelId);
    })();
  }

  /** True for the one caller that may welcome this channel; a retried or repeated join gets false. */
  claimWelcome(teamId: string, channelId: string, now: number): boolean {
    return this.db.transaction(() => {
      this.ensure.run(teamId, channelId);
      return this.claimWelcomeRow.run(now, teamId, channelId).changes === 1;
    })();
  }

  /** Gives the claim back when the welcome could not be posted, so the next join tries again. */
  releaseWelcome(teamId: string, channelId: string): void {
    this.releaseWelcomeRow.run(teamId, channelId);
  }
}
