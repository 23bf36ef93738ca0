export {
  CARRIERS,
  CORE_INTENTS,
  FLOW_INTENTS,
  INTENTS,
  LANGUAGES,
  toCoreIntent,
  type Carrier,
  type CoreIntent,
  type FlowIntent,
  type Intent,
  type Language,
  type Recognition,
  type RecognitionEntities,
  type RecognizeContext,
  type Recognizer,
} from './types';
export { createRecognizer, type RecognizerOptions } from './create-recognizer';
export { OfflineRecognizer, type OfflineRecognizerOptions } from './offline-recognizer';
export { LlmRecognizer, type LlmRecognizerOptions } from './llm-recognizer';
export { maskPersonalData, luhnValid } from './masking';
export { detectLanguage } from './text';
export {
  CASE_ID_PATTERN,
  ORDER_ID_PATTERN,
  TRACKING_NUMBER_PATTERN,
  detectCarrier,
  detectReason,
  extractEntities,
  validateEntities,
} from './entities';
export { frustrationOf } from './frustration';
