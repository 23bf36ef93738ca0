import type { Bilingual } from './messages/define';
import { common } from './messages/common';
import { errors } from './messages/errors';
import { filing } from './messages/filing';
import { refusals } from './messages/refusals';
import { evidence } from './messages/evidence';
import { status } from './messages/status';
import { shipping } from './messages/shipping';
import { rejection } from './messages/rejection';
import { cancel } from './messages/cancel';
import { rating } from './messages/rating';
import { handoff } from './messages/handoff';
import { notifications } from './messages/notifications';
import { handoffDesk } from './messages/handoff-desk';
import { cs } from './messages/cs';
import { operators } from './messages/operators';
import { merchant } from './messages/merchant';
import type { Lang } from './language';

// Every user-facing string, in zh-CN and en-US. Areas live in messages/, one file each; they are merged here.

export const CATALOG = {
  ...common,
  ...errors,
  ...filing,
  ...refusals,
  ...evidence,
  ...status,
  ...shipping,
  ...rejection,
  ...cancel,
  ...rating,
  ...handoff,
  ...notifications,
  ...handoffDesk,
  ...cs,
  ...operators,
  ...merchant,
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof CATALOG;
export type Params = Record<string, string | number>;

/** The message in the language, with `{name}` placeholders filled. An unknown placeholder is left visible. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const entry: Bilingual = CATALOG[key];
  const text = lang === 'zh-CN' ? entry.zh : entry.en;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, for building a reply. */
export type Translate = (key: MessageKey, params?: Params) => string;
export const translator = (lang: Lang): Translate => (key, params) => t(lang, key, params);
