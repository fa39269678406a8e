import type { Database } from 'better-sqlite3';

export interface ChannelSettings {
  teamId: string;
  channelId: string;
  muted: boolean;
  mutedBy: string | null;
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
  cooldown_minutes: number | null;
  last_prompt_id: string | null;
  last_prompted_at: number | null;
  welcomed_at: number | null;
}

export class ChannelSettingsRepository {
  private readonly select;
  private readonly ensure;
  private readonly updateMuted;
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
    this.updateMuted = db.prepare<[number, string | null, number | null, string, string]>(
      'UPDATE channel_settings SET muted = ?, muted_by = ?, muted_at = ? WHERE team_id = ? AND channel_id = ?',
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

  get(teamId: string, channelId: string): ChannelSettings {
    const row = this.select.get(teamId, channelId);
    return {
      teamId,
      channelId,
      muted: row?.muted === 1,
      mutedBy: row?.muted_by ?? null,
      cooldownMinutes: row?.cooldown_minutes ?? null,
      lastPromptId: row?.last_prompt_id ?? null,
      lastPromptedAt: row?.last_prompted_at ?? null,
      welcomedAt: row?.welcomed_at ?? null,
    };
  }

  setMuted(teamId: string, channelId: string, muted: boolean, by: string, now: number): void {
    this.db.transaction(() => {
      this.ensure.run(teamId, channelId);
      this.updateMuted.run(muted ? 1 : 0, muted ? by : null, muted ? now : null, teamId, channelId);
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
