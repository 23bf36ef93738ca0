import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Runnable } from '@langchain/core/runnables';
import { ChatOpenAI } from '@langchain/openai';
import { HandoffSummarySchema, handoffSummarySystemPrompt, transcriptBlock } from '../../prompts/handoff-summary';
import type { HandoffSummary } from '../../prompts/handoff-summary';
import type { ReasonCode } from '../refunds/case';
import { frustrationOf } from '../nlu/frustration';
import { maskPersonalData } from '../nlu/masking';
import type { HandoffLanguage, HandoffReason, TranscriptLine } from './handoff-queue';

// The short summary on top of a handoff card, so the agent does not have to read the whole conversation.
// With an API key, a chat model writes it (structured output, validated against HandoffSummarySchema; the
// transcript is masked and framed as data). Without one, or when the model fails, times out or answers
// nonsense, a template built from what is known for certain (the case, the order, the buyer's own latest
// words) takes its place. Nothing in a summary changes anything: it is for reading.

/** What the system knows for certain, whatever the conversation says. */
export interface SummaryFacts {
  handoffReason: HandoffReason;
  buyerLanguage: HandoffLanguage;
  orderId?: string;
  caseId?: string;
  caseReason?: ReasonCode;
}

export interface SummaryInput {
  transcript: readonly TranscriptLine[];
  facts: SummaryFacts;
  /** The language the agent reads. */
  agentLanguage: HandoffLanguage;
}

export interface SummaryResult {
  summary: HandoffSummary;
  source: 'llm' | 'template';
}

export interface HandoffSummarizer {
  summarize(input: SummaryInput): Promise<SummaryResult>;
}

/** The template's sentences, from the message catalog (the service holds no wording of its own). */
export type TemplateWordKey = 'summary' | 'summaryNoWords' | `goal.${HandoffReason}` | `next.${HandoffReason}`;
export type TemplateWords = (key: TemplateWordKey, lang: HandoffLanguage, params: Record<string, string>) => string;

const BUYER_WORDS_SHOWN = 3;
const MAX_WORDS = 160;

export class TemplateSummarizer implements HandoffSummarizer {
  constructor(private readonly words: TemplateWords) {}

  async summarize(input: SummaryInput): Promise<SummaryResult> {
    const { facts, agentLanguage: lang } = input;
    const buyerLines = input.transcript.filter((l) => l.from === 'buyer' && l.text.trim()).map((l) => clip(maskPersonalData(l.text.trim())));
    const latest = buyerLines.at(-1);
    const frustration = Math.max(0, ...buyerLines.map(frustrationOf));
    const params = { goal: this.words(`goal.${facts.handoffReason}`, lang, {}), latest: latest ?? '' };
    return {
      source: 'template',
      summary: {
        summary: this.words(latest ? 'summary' : 'summaryNoWords', lang, params),
        buyerGoal: params.goal,
        orderId: facts.orderId ?? null,
        caseId: facts.caseId ?? null,
        reason: facts.caseReason ?? null,
        keyFacts: buyerLines.slice(-BUYER_WORDS_SHOWN),
        mood: frustration >= 0.8 ? 'angry' : frustration >= 0.55 ? 'frustrated' : frustration >= 0.25 ? 'impatient' : 'calm',
        suggestedNextStep: this.words(`next.${facts.handoffReason}`, lang, {}),
        buyerLanguage: facts.buyerLanguage,
      },
    };
  }
}

export interface LlmSummarizerOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint, e.g. http://localhost:8080/v1. */
  baseUrl?: string;
  model?: string;
  timeoutMs?: number;
  /** Used when the model fails or answers nonsense. */
  fallback: HandoffSummarizer;
  onFallback?: (reason: string, error?: unknown) => void;
}

type Structured = Runnable<(SystemMessage | HumanMessage)[], Record<string, unknown>>;

export class LlmSummarizer implements HandoffSummarizer {
  private readonly structured: Structured;
  private readonly timeoutMs: number;

  constructor(private readonly options: LlmSummarizerOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    const chat = new ChatOpenAI({
      apiKey: options.apiKey,
      model: options.model ?? 'gpt-4o-mini',
      temperature: 0,
      timeout: this.timeoutMs,
      maxRetries: 0,
      ...(options.baseUrl ? { configuration: { baseURL: options.baseUrl } } : {}),
    });
    this.structured = chat.withStructuredOutput(HandoffSummarySchema, { name: 'handoff_summary' }) as unknown as Structured;
  }

  async summarize(input: SummaryInput): Promise<SummaryResult> {
    const messages = [
      new SystemMessage(handoffSummarySystemPrompt(input.agentLanguage)),
      new HumanMessage(`${factsBlock(input.facts)}\n${transcriptBlock(input.transcript.map((l) => ({ from: l.from, text: l.text })))}`),
    ];
    const started = Date.now();
    try {
      const answer = await withDeadline(this.structured.invoke(messages, { signal: AbortSignal.timeout(this.timeoutMs) }), this.timeoutMs);
      const parsed = HandoffSummarySchema.safeParse(answer);
      if (parsed.success) {
        // What the system knows beats what the model read: ids come from the records when there are any.
        const summary: HandoffSummary = {
          ...parsed.data,
          orderId: input.facts.orderId ?? parsed.data.orderId,
          caseId: input.facts.caseId ?? parsed.data.caseId,
          reason: input.facts.caseReason ?? parsed.data.reason,
        };
        return { summary, source: 'llm' };
      }
      this.options.onFallback?.('invalid', parsed.error);
    } catch (error) {
      // LangChain rejects answers that do not fit the schema too: those count as errors.
      this.options.onFallback?.(Date.now() - started >= this.timeoutMs - 50 ? 'timeout' : 'error', error);
    }
    return this.options.fallback.summarize(input);
  }
}

export interface SummarizerOptions {
  /** With a key: the model, falling back to the template. Without: the template only. */
  apiKey?: string;
  baseUrl?: string;
  model?: string;
  timeoutMs?: number;
  words: TemplateWords;
  onFallback?: (reason: string, error?: unknown) => void;
}

export function createSummarizer(options: SummarizerOptions): HandoffSummarizer {
  const template = new TemplateSummarizer(options.words);
  if (!options.apiKey) return template;
  return new LlmSummarizer({
    apiKey: options.apiKey,
    fallback: template,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.onFallback ? { onFallback: options.onFallback } : {}),
  });
}

function factsBlock(facts: SummaryFacts): string {
  const lines = [
    `handoff reason: ${facts.handoffReason}`,
    `order: ${facts.orderId ?? 'unknown'}`,
    `case: ${facts.caseId ?? 'none'}`,
    `case reason: ${facts.caseReason ?? 'unknown'}`,
  ];
  return `Known from the system (reliable):\n${lines.join('\n')}`;
}

function clip(text: string): string {
  return text.length > MAX_WORDS ? `${text.slice(0, MAX_WORDS - 1)}…` : text;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
