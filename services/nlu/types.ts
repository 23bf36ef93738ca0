import type { ReasonCode } from '../refunds/case';

/** The intents the refund desk acts on; anything else the bot cannot serve is `other`. */
export const CORE_INTENTS = [
  'file_refund',
  'refund_status',
  'return_shipping',
  'cancel_order',
  'cancel_case',
  'human_agent',
  'delivery_problem',
  'other',
] as const;
export type CoreIntent = (typeof CORE_INTENTS)[number];

/**
 * Answers inside a dialog: yes/no to a question the bot asked, and a star rating of a closed case.
 * They only win on short utterances that are nothing else (or when the dialog says it expects them).
 */
export const FLOW_INTENTS = ['confirm', 'deny', 'rate'] as const;
export type FlowIntent = (typeof FLOW_INTENTS)[number];

export const INTENTS = [...CORE_INTENTS, ...FLOW_INTENTS] as const;
export type Intent = (typeof INTENTS)[number];

/** Flow intents read as `other` wherever only the core intents make sense (the CLI, the scorer). */
export function toCoreIntent(intent: Intent): CoreIntent {
  return (CORE_INTENTS as readonly string[]).includes(intent) ? (intent as CoreIntent) : 'other';
}

export const CARRIERS = ['SF', 'JD', 'ZTO', 'YTO', 'STO', 'YUNDA', 'EMS', 'OTHER'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface RecognitionEntities {
  orderId?: string;
  reason?: ReasonCode;
  /** The buyer's own words about the problem. */
  description?: string;
  carrier?: Carrier;
  trackingNumber?: string;
  quantity?: number;
  caseId?: string;
  /** Stars 1-5, with the `rate` intent. */
  rating?: number;
}

export interface Recognition {
  intent: Intent;
  /** 0..1: low when nothing in the text pointed anywhere. */
  confidence: number;
  entities: RecognitionEntities;
  language: Language;
  /** 0..1: anger, repeated complaints, shouting. */
  frustration: number;
  source: 'offline' | 'llm';
}

export interface RecognizeContext {
  /**
   * What the bot just asked for. `confirm` (a yes/no question) and `rating` (1-5 stars) change how short
   * answers are read; other values (`orderId`, `trackingNumber`, ...) are passed to the LLM as a hint.
   */
  expecting?: string;
  /** Used for `language` when the text has no letters at all (just a number, say). */
  locale?: Language;
}

export interface Recognizer {
  recognize(text: string, context?: RecognizeContext): Promise<Recognition>;
}
