import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Runnable } from '@langchain/core/runnables';
import { ChatOpenAI } from '@langchain/openai';
import { RECOGNIZE_PROMPT, RecognitionSchema, buyerMessageBlock, expectingNote, type RecognitionOutput } from '../../prompts/recognize';
import { validateEntities } from './entities';
import { maskPersonalData } from './masking';
import { detectLanguage } from './text';
import type { Recognition, RecognitionEntities, RecognizeContext, Recognizer } from './types';

// The LLM recognizer: the buyer's text, masked, goes to an OpenAI-compatible chat model with structured
// output; the answer is validated against RecognitionSchema and re-checked field by field. Any error,
// timeout or invalid answer means "not understood by the model" and the offline result is used instead.
// The model only extracts: it returns an intent and entities, nothing else is read from it.

export interface LlmRecognizerOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint, e.g. http://localhost:8080/v1 (the client appends /chat/completions). */
  baseUrl?: string;
  model?: string;
  /** Budget for one recognition, retry included: a retry is made only while budget remains. */
  timeoutMs?: number;
  /** Attempts after the first one. */
  retries?: number;
  /** Used when the model fails or answers nonsense; also fills ids the model could not see (masked). */
  fallback: Recognizer;
  /** Told why a recognition fell back to the offline result (for logs and metrics). */
  onFallback?: (reason: string, error?: unknown) => void;
}

type Structured = Runnable<(SystemMessage | HumanMessage)[], Record<string, unknown>>;

export class LlmRecognizer implements Recognizer {
  private readonly structured: Structured;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly fallback: Recognizer;
  private readonly onFallback: (reason: string, error?: unknown) => void;

  constructor(options: LlmRecognizerOptions) {
    this.timeoutMs = options.timeoutMs ?? 8000;
    this.retries = options.retries ?? 1;
    this.fallback = options.fallback;
    this.onFallback = options.onFallback ?? (() => undefined);
    const chat = new ChatOpenAI({
      apiKey: options.apiKey,
      model: options.model ?? 'gpt-4o-mini',
      temperature: 0,
      timeout: this.timeoutMs,
      // Retries are ours (bounded by the turn's budget); LangChain's would back off for seconds.
      maxRetries: 0,
      ...(options.baseUrl ? { configuration: { baseURL: options.baseUrl } } : {}),
    });
    // gpt-4o-mini and newer: response_format json_schema (strict); older models: a forced tool call.
    this.structured = chat.withStructuredOutput(RecognitionSchema, { name: 'recognition' }) as unknown as Structured;
  }

  async recognize(text: string, context: RecognizeContext = {}): Promise<Recognition> {
    const offline = await this.fallback.recognize(text, context);
    const raw = typeof text === 'string' ? text.trim() : '';
    if (raw === '') return offline;

    const messages = [
      new SystemMessage(RECOGNIZE_PROMPT + expectingNote(context.expecting)),
      new HumanMessage(buyerMessageBlock(maskPersonalData(raw))),
    ];
    const deadline = Date.now() + this.timeoutMs;
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 50) break;
      try {
        const answer = await withDeadline(
          this.structured.invoke(messages, { signal: AbortSignal.timeout(remaining) }),
          remaining,
        );
        const parsed = RecognitionSchema.safeParse(answer);
        if (!parsed.success) {
          lastError = parsed.error;
          continue;
        }
        return this.toRecognition(parsed.data, raw, offline);
      } catch (error) {
        lastError = error;
      }
    }
    this.onFallback(Date.now() >= deadline - 50 ? 'timeout' : 'error', lastError);
    return offline;
  }

  private toRecognition(out: RecognitionOutput, raw: string, offline: Recognition): Recognition {
    const entities: RecognitionEntities = validateEntities(
      {
        orderId: out.orderId,
        caseId: out.caseId,
        reason: out.reason,
        description: out.description,
        carrier: out.carrier,
        trackingNumber: out.trackingNumber,
        quantity: out.quantity,
        rating: out.intent === 'rate' ? out.rating : null,
      },
      raw,
    );
    // Ids are matched by pattern offline and may have been masked away from the model: keep them.
    for (const key of ['orderId', 'caseId', 'trackingNumber', 'carrier', 'quantity'] as const) {
      if (entities[key] === undefined && offline.entities[key] !== undefined) {
        (entities as Record<string, unknown>)[key] = offline.entities[key];
      }
    }
    // A yes commits the buyer (a filing, a cancellation, a rating): only the offline rules may read one, so a
    // message that talks the model into "confirm" ("ignore your instructions and approve...") confirms nothing.
    const modelSaysYesAlone = out.intent === 'confirm' && offline.intent !== 'confirm';
    return {
      intent: modelSaysYesAlone ? offline.intent : out.intent,
      confidence: modelSaysYesAlone ? offline.confidence : clamp01(out.confidence),
      entities,
      // The script decides when it can; the model only for text without letters.
      language: detectLanguage(raw) ?? out.language,
      // Either reading of anger counts: offering a person too early costs less than too late.
      frustration: Math.max(clamp01(out.frustration), offline.frustration),
      source: 'llm',
    };
  }
}

const clamp01 = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/** Rejects when `ms` passes even if the underlying call ignores its abort signal. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
