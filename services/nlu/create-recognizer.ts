import { LlmRecognizer } from './llm-recognizer';
import { OfflineRecognizer } from './offline-recognizer';
import type { Recognizer } from './types';

export interface RecognizerOptions {
  /** With a key: the LLM recognizer, falling back to the offline one. Without: offline only. */
  apiKey?: string;
  baseUrl?: string;
  model?: string;
  timeoutMs?: number;
  onFallback?: (reason: string, error?: unknown) => void;
}

export function createRecognizer(options: RecognizerOptions = {}): Recognizer {
  const offline = new OfflineRecognizer();
  if (!options.apiKey) return offline;
  return new LlmRecognizer({
    apiKey: options.apiKey,
    fallback: offline,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.onFallback ? { onFallback: options.onFallback } : {}),
  });
}
