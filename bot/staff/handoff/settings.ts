import type { Config } from '../../config';
import type { BusinessHours } from '../../../services/handoff';
import { TRANSCRIPT_KEEP, parseBusinessHours } from '../../../services/handoff';

// The handoff desk's settings, read once from the configuration.

export interface DeskSettings {
  /** teams: the CS channel and relay in Teams; protocol: Bot Framework handoff events to a contact centre. */
  mode: 'teams' | 'protocol';
  /** The CS channel's conversation id; null: handoffs are queued but no card can be posted. */
  channelId: string | null;
  /** Who may take handoffs (aadObjectIds or Teams ids); empty: whoever sees the CS channel. */
  agentIds: readonly string[];
  /** As configured ('09:00-21:00'), for telling buyers. */
  hoursText: string;
  hours: BusinessHours;
  maxWaitMs: number;
  averageHandlingMinutes: number;
  checkIntervalMs: number;
  timeZone: string;
  /** A channel card claimed by an instance that did not post it within this long may be posted by another. */
  cardClaimStaleMs: number;
  transcriptKeep: number;
}

export function deskSettings(config: Config): DeskSettings {
  return {
    mode: config.HANDOFF_MODE,
    channelId: config.CS_CHANNEL_ID ?? null,
    agentIds: config.CS_AGENT_IDS,
    hoursText: config.CS_BUSINESS_HOURS,
    hours: parseBusinessHours(config.CS_BUSINESS_HOURS, config.TIME_ZONE),
    maxWaitMs: config.CS_MAX_WAIT_MINUTES * 60_000,
    averageHandlingMinutes: config.CS_AVG_HANDLING_MINUTES,
    checkIntervalMs: config.HANDOFF_CHECK_INTERVAL_MS,
    timeZone: config.TIME_ZONE,
    cardClaimStaleMs: 60_000,
    transcriptKeep: TRANSCRIPT_KEEP,
  };
}

/** Expected wait for the buyer at `position`: one average handling time per request ahead, theirs included. */
export function expectedWaitMinutes(settings: DeskSettings, position: number): number {
  return Math.max(1, position) * settings.averageHandlingMinutes;
}
