import type { ParsedCommand } from './resp-parser';

// Names what a Redis command is for, from its key: the turn lock, the reply cache, the bot state, the refund
// store... The prefixes are the ones the benchmark gave the refund app and the echo bot.

export interface KeyPrefixes {
  /** REDIS_PREFIX of the refund app. */
  app: string;
  /** Prefix of the echo bot's state. */
  echo: string;
}

/** Work that is not part of a turn: stream consumers waiting for events, connection set-up. */
export const BACKGROUND_AREAS: ReadonlySet<string> = new Set(['event consumers', 'connection', 'notifications']);

const STREAM_CONSUMER = new Set(['XREADGROUP', 'XACK', 'XAUTOCLAIM', 'XCLAIM', 'XPENDING', 'XGROUP', 'XINFO']);
const SCRIPT_CALLS = new Set(['EVALSHA', 'EVAL', 'EVALSHA_RO', 'EVAL_RO', 'FCALL', 'FCALL_RO']);

export function areaOf(cmd: ParsedCommand, prefixes: KeyPrefixes): string {
  if (STREAM_CONSUMER.has(cmd.name)) return 'event consumers';
  const key = SCRIPT_CALLS.has(cmd.name) ? (Number(cmd.args[1]) > 0 ? cmd.args[2] : undefined) : cmd.args[0];
  if (key === undefined || ['HELLO', 'CLIENT', 'PING', 'INFO', 'SELECT', 'AUTH', 'SCRIPT', 'COMMAND', 'QUIT'].includes(cmd.name)) return 'connection';
  const app = prefixes.app;
  if (key.startsWith(`${app}bot:turn-lock:`)) return 'turn lock';
  if (key.startsWith(`${app}reply:`)) return 'reply cache';
  if (key.startsWith(`${app}bot:state:`)) return 'bot state';
  if (key.startsWith(`${app}bot:convref:`)) return 'conversation refs';
  if (key.startsWith(`${app}bot:notify:`)) return 'notifications';
  if (key.startsWith(`${app}handoff:`)) return 'handoff queue';
  if (key.startsWith(app)) return 'refund store';
  if (key.startsWith(prefixes.echo)) return 'echo state';
  return 'other';
}

/** "area: COMMAND", e.g. "turn lock: SET". */
export function labelOf(cmd: ParsedCommand, prefixes: KeyPrefixes): string {
  return `${areaOf(cmd, prefixes)}: ${cmd.name}`;
}

export function isBackgroundLabel(label: string): boolean {
  // A batch label may join several commands ("a: X + b: Y"): it belongs to a turn if any part does.
  return label.split(' + ').every((part) => BACKGROUND_AREAS.has(part.slice(0, part.indexOf(':'))));
}
