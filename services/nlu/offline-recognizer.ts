import { extractEntities } from './entities';
import { frustrationOf } from './frustration';
import { RULES, type IntentRule } from './intent-rules';
import { conceptsOf } from './lexicon';
import { NaiveBayes } from './naive-bayes';
import { priorityScores } from './priority-rules';
import { countsForCoverage, featureWeight, features, prepare } from './prepare';
import { detectLanguage } from './text';
import { TRAINING_EXAMPLES } from './training-examples';
import {
  CORE_INTENTS,
  type CoreIntent,
  type Intent,
  type Recognition,
  type RecognitionEntities,
  type RecognizeContext,
  type Recognizer,
} from './types';

// The offline recognizer: weighted phrase rules (intent-rules.ts) plus a naive-Bayes model over
// character bigrams / words trained at construction on training-examples.ts. The rules carry what is
// known about how buyers say things; the model catches phrasings the rules miss and breaks near-ties.

export interface OfflineRecognizerOptions {
  /** How much the model's probability (0..1) adds to the rule score of each intent. */
  modelWeight?: number;
  /** Sharpness of the softmax that turns combined scores into a confidence. */
  sharpness?: number;
  /** With no rule matching, the model's best intent needs at least this (probability x coverage), else `other`. */
  minModelScore?: number;
  rules?: readonly IntentRule[];
  examples?: Record<CoreIntent, readonly string[]>;
}

const YES = /^(?:yes|yeah|yep|yup|ya|yea|sure|ok|okay|k|correct|right|exactly|confirm(?:ed)?|go ahead|do it|please do|sounds good|that.?s right|thats it|是|是的|对|对的|对啊|没错|好|好的|好啊|行|可以|嗯|嗯嗯|确认|确定|同意|没问题|就这样|就是这个|ok的)(?:[\s,.!。！~～]*(?:please|thanks|thank you|谢谢|吧|呀|啊|的))*[\s,.!。！~～]*$/i;
const NO = /^(?:no|nope|nah|not really|not now|no thanks|no thank you|dont|wrong|incorrect|不|不是|不对|不用|不要|不行|不可以|否|没有|算了|不需要|错了)(?:[\s,.!。！~～]*(?:thanks|thank you|谢谢|了|吧|啊))*[\s,.!。！~～]*$/i;
const RATING = /^(?:(?:i )?(?:give|rate|rating|rated)?\s*(?:it |you |this )?(?:a )?([1-5])\s*(?:\/\s*5|out of 5|stars?|分|星|颗星)?|([一二两三四五])\s*(?:星|颗星|分)|(?:给|打)?\s*([1-5一二两三四五])\s*(?:星|颗星|分)(?:好评)?|五星好评|好评)[\s.!。！]*$/i;
const CN_STAR: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

function ratingOf(text: string): number | undefined {
  const m = RATING.exec(text);
  if (!m) return undefined;
  const v = m[1] ?? m[2] ?? m[3];
  if (v === undefined) return 5; // 好评 / 五星好评
  return /\d/.test(v) ? Number(v) : CN_STAR[v];
}

export class OfflineRecognizer implements Recognizer {
  private readonly model: NaiveBayes<CoreIntent>;
  private readonly modelWeight: number;
  private readonly sharpness: number;
  private readonly minModelScore: number;
  private readonly rules: readonly IntentRule[];

  constructor(options: OfflineRecognizerOptions = {}) {
    this.modelWeight = options.modelWeight ?? 2.5;
    this.sharpness = options.sharpness ?? 1.2;
    this.minModelScore = options.minModelScore ?? 0.25;
    this.rules = options.rules ?? RULES;
    const examples = options.examples ?? TRAINING_EXAMPLES;
    this.model = new NaiveBayes(
      CORE_INTENTS.flatMap((label) => examples[label].map((text) => ({ label, features: features(prepare(text)) }))),
      { alpha: 0.3, temperature: 2, weightOf: featureWeight, countsForCoverage },
    );
  }

  async recognize(text: string, context: RecognizeContext = {}): Promise<Recognition> {
    return this.recognizeSync(text, context);
  }

  /** The same, synchronously: nothing here waits on anything. */
  recognizeSync(text: string, context: RecognizeContext = {}): Recognition {
    const raw = typeof text === 'string' ? text.trim() : '';
    const language = detectLanguage(raw) ?? context.locale ?? 'en-US';
    const frustration = frustrationOf(raw);
    if (raw === '') return { intent: 'other', confidence: 0, entities: {}, language, frustration, source: 'offline' };

    const entities = extractEntities(raw);
    const flow = this.flowIntent(raw, context, entities);
    const { intent, confidence } = flow ?? this.classify(raw);
    if (intent === 'rate' && entities.rating === undefined) {
      const rating = ratingOf(raw.normalize('NFKC').trim());
      if (rating !== undefined) entities.rating = rating;
    }
    // The buyer's words describe a problem when a reason shows in them, or when a refund request says
    // more than "refund please".
    if ((entities.reason && intent !== 'other') || (intent === 'file_refund' && substance(raw) >= 16)) {
      entities.description = raw.slice(0, 500);
    }
    return { intent, confidence, entities, language, frustration, source: 'offline' };
  }

  /** Scores of every core intent, for evaluation and debugging. */
  scores(text: string): { intent: CoreIntent; rules: number; model: number; combined: number }[] {
    const prepared = prepare(text);
    const concepts = conceptsOf(prepared);
    const rules = this.ruleScores(prepared);
    for (const [intent, w] of priorityScores(concepts, prepared)) rules.set(intent, (rules.get(intent) ?? 0) + w);
    const posterior = this.model.classify(features(prepared, concepts));
    const p = new Map(posterior.ranked.map((x) => [x.label, x.p]));
    return CORE_INTENTS.map((intent) => {
      const model = (p.get(intent) ?? 0) * posterior.coverage;
      return { intent, rules: rules.get(intent) ?? 0, model, combined: (rules.get(intent) ?? 0) + this.modelWeight * model };
    }).sort((a, b) => b.combined - a.combined);
  }

  private ruleScores(prepared: string): Map<Intent, number> {
    const scores = new Map<Intent, number>();
    for (const rule of this.rules) if (rule.re.test(prepared)) scores.set(rule.intent, (scores.get(rule.intent) ?? 0) + rule.w);
    return scores;
  }

  private classify(raw: string): { intent: Intent; confidence: number } {
    const scored = this.scores(raw);
    const top = scored[0]!;
    const anyRule = scored.some((s) => s.rules > 0);
    const exps = scored.map((s) => Math.exp(this.sharpness * (s.combined - top.combined)));
    const share = 1 / exps.reduce((a, b) => a + b, 0);
    // Nothing matched and the model knows too little of the text: not understood.
    if (!anyRule && top.model < this.minModelScore) return { intent: 'other', confidence: round(Math.min(0.3, share)) };
    // Rules and a small model are never certain: keep a little doubt for the dialogs to act on.
    return { intent: top.intent, confidence: round(Math.min(0.99, share)) };
  }

  private flowIntent(raw: string, context: RecognizeContext, entities: RecognitionEntities): { intent: Intent; confidence: number } | null {
    const t = raw.normalize('NFKC').trim();
    if (context.expecting === 'rating') {
      const rating = ratingOf(t) ?? (/^[1-5]$/.test(t) ? Number(t) : undefined);
      if (rating !== undefined) {
        entities.rating = rating;
        return { intent: 'rate', confidence: 0.95 };
      }
    }
    const expectingYesNo = context.expecting === 'confirm';
    if (YES.test(t)) return { intent: 'confirm', confidence: expectingYesNo ? 0.95 : 0.7 };
    if (NO.test(t)) return { intent: 'deny', confidence: expectingYesNo ? 0.95 : 0.7 };
    const rating = ratingOf(t);
    if (rating !== undefined && /星|分|star|rate|rating|好评|\/\s*5|out of 5/i.test(t)) {
      entities.rating = rating;
      return { intent: 'rate', confidence: 0.85 };
    }
    return null;
  }
}

/** Rough amount of content: a Chinese character weighs about two Latin letters. */
function substance(text: string): number {
  return (text.match(/[\u3400-\u9fff]/g)?.length ?? 0) * 2 + (text.match(/[a-z]/gi)?.length ?? 0);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
