import { LlmSummarizer, TemplateSummarizer, createSummarizer } from '../../../services/handoff';
import type { SummaryInput, TemplateWords } from '../../../services/handoff';
import { OpenAiStub } from '../nlu/openai-stub';

// The handoff summary: a chat model's structured answer when one is configured and answers sensibly, else a
// template from what is known for certain and the buyer's own words.

const words: TemplateWords = (key, lang, params) => `${lang}:${key}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`;

const input: SummaryInput = {
  transcript: [
    { from: 'buyer', text: 'my earbuds from DEMO-1002 arrived broken, call me on 13812345678', at: '2025-06-18T02:00:00.000Z' },
    { from: 'bot', text: 'Which order is it about?', at: '2025-06-18T02:00:01.000Z' },
    { from: 'buyer', text: 'this is RIDICULOUS, third time I ask!!', at: '2025-06-18T02:01:00.000Z' },
  ],
  facts: { handoffReason: 'frustration', buyerLanguage: 'en-US', orderId: 'DEMO-1002', caseId: 'RD-000007', caseReason: 'quality_issue' },
  agentLanguage: 'zh-CN',
};

const modelAnswer = {
  summary: '买家的耳机坏了，情绪激动。',
  buyerGoal: '退货退款',
  orderId: 'DEMO-9999',
  caseId: null,
  reason: 'damaged_in_transit',
  keyFacts: ['耳机坏了'],
  mood: 'angry',
  suggestedNextStep: '先安抚买家',
  buyerLanguage: 'en-US',
};

describe('TemplateSummarizer', () => {
  it('builds the summary from the facts and the buyer\'s latest words, masked, with a mood', async () => {
    const { summary, source } = await new TemplateSummarizer(words).summarize(input);
    expect(source).toBe('template');
    expect(summary).toMatchObject({ orderId: 'DEMO-1002', caseId: 'RD-000007', reason: 'quality_issue', buyerLanguage: 'en-US', mood: 'angry' });
    expect(summary.buyerGoal).toBe('zh-CN:goal.frustration');
    expect(summary.suggestedNextStep).toBe('zh-CN:next.frustration');
    expect(summary.summary).toContain('zh-CN:summary');
    expect(summary.summary).toContain('third time I ask');
    expect(summary.keyFacts).toHaveLength(2);
    expect(summary.keyFacts.join(' ')).not.toContain('13812345678');
  });

  it('says so when the buyer wrote nothing, and reads a calm buyer as calm', async () => {
    const { summary } = await new TemplateSummarizer(words).summarize({ ...input, transcript: [], facts: { handoffReason: 'payment_failed', buyerLanguage: 'zh-CN' } });
    expect(summary.summary).toContain('summaryNoWords');
    expect(summary).toMatchObject({ mood: 'calm', orderId: null, caseId: null, reason: null, keyFacts: [] });
  });
});

describe('LlmSummarizer against an OpenAI-compatible server', () => {
  const stub = new OpenAiStub();
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await stub.start();
  });
  afterAll(async () => {
    await stub.stop();
  });
  beforeEach(() => {
    stub.requests.length = 0;
  });

  it('uses a valid structured answer, the system\'s ids winning over the model\'s, the transcript masked', async () => {
    stub.reply = () => ({ kind: 'json', value: modelAnswer });
    const summarizer = createSummarizer({ apiKey: 'test-key', baseUrl, words, timeoutMs: 2000 });
    expect(summarizer).toBeInstanceOf(LlmSummarizer);
    const { summary, source } = await summarizer.summarize(input);
    expect(source).toBe('llm');
    expect(summary).toMatchObject({ summary: '买家的耳机坏了，情绪激动。', mood: 'angry', orderId: 'DEMO-1002', caseId: 'RD-000007', reason: 'quality_issue' });
    const sent = stub.requests[0]!.raw;
    expect(sent).not.toContain('13812345678');
    expect(sent).toContain('[phone]');
    expect(sent).toContain('in Chinese');
    expect(sent).toContain('handoff reason: frustration');
  });

  it('falls back to the template on nonsense, errors and timeouts, saying why', async () => {
    const reasons: string[] = [];
    const make = (timeoutMs = 2000) => new LlmSummarizer({ apiKey: 'test-key', baseUrl, fallback: new TemplateSummarizer(words), timeoutMs, onFallback: (r) => reasons.push(r) });
    stub.reply = () => ({ kind: 'json', value: { summary: 'only this' } });
    expect((await make().summarize(input)).source).toBe('template');
    stub.reply = () => ({ kind: 'status', status: 500 });
    expect((await make().summarize(input)).source).toBe('template');
    stub.reply = () => ({ kind: 'json', value: modelAnswer, delayMs: 1000 });
    expect((await make(200).summarize(input)).source).toBe('template');
    expect(reasons).toEqual(['error', 'error', 'timeout']);
  });

  it('without a key, is the template', () => {
    expect(createSummarizer({ words })).toBeInstanceOf(TemplateSummarizer);
  });
});
