import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_INTENTS, OfflineRecognizer, toCoreIntent, type CoreIntent } from '../../../services/nlu';

interface Labelled {
  text: string;
  intent: CoreIntent;
  lang: 'zh' | 'en';
}

const load = (name: string): Labelled[] =>
  readFileSync(join(__dirname, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);

const recognizer = new OfflineRecognizer();

function accuracy(rows: Labelled[]): number {
  const right = rows.filter((row) => toCoreIntent(recognizer.recognizeSync(row.text).intent) === row.intent).length;
  return right / rows.length;
}

describe('offline recognizer accuracy', () => {
  const dev = load('dev-set.jsonl');
  const heldOut = load('held-out.jsonl');

  it('has labelled sets that cover every intent in both languages', () => {
    expect(dev.length).toBeGreaterThanOrEqual(400);
    for (const set of [dev, heldOut]) {
      for (const intent of CORE_INTENTS) {
        for (const lang of ['zh', 'en'] as const) {
          expect(set.filter((r) => r.intent === intent && r.lang === lang).length).toBeGreaterThanOrEqual(5);
        }
      }
    }
    // The held-out utterances are never tuned on: none of them is in the development set.
    const devTexts = new Set(dev.map((r) => r.text));
    expect(heldOut.filter((r) => devTexts.has(r.text))).toEqual([]);
  });

  it('is right on at least 90% of the development set', () => {
    expect(accuracy(dev)).toBeGreaterThanOrEqual(0.9);
  });

  it('is right on at least 85% of the held-out set, in each language', () => {
    expect(accuracy(heldOut)).toBeGreaterThanOrEqual(0.85);
    expect(accuracy(heldOut.filter((r) => r.lang === 'zh'))).toBeGreaterThanOrEqual(0.85);
    expect(accuracy(heldOut.filter((r) => r.lang === 'en'))).toBeGreaterThanOrEqual(0.85);
  });

  it('takes well under a millisecond per utterance once built', () => {
    const texts = dev.map((r) => r.text);
    for (const t of texts) recognizer.recognizeSync(t); // warm up the JIT
    const started = process.hrtime.bigint();
    for (const t of texts) recognizer.recognizeSync(t);
    const msPerUtterance = Number(process.hrtime.bigint() - started) / 1e6 / texts.length;
    expect(msPerUtterance).toBeLessThan(1);
  });
});

describe('offline recognizer behaviour', () => {
  it.each([
    ['咋还没到', 'delivery_problem'],
    ['退钱', 'file_refund'],
    ['东西坏了', 'file_refund'],
    ['能不能换个颜色', 'file_refund'],
    ['快递到哪了', 'delivery_problem'],
    ['转人工', 'human_agent'],
    ['不退了', 'cancel_case'],
    ['取消退款', 'cancel_case'],
    ['取消订单', 'cancel_order'],
    ['还没发货，我不要了', 'cancel_order'],
    ['I dont want the refund anymore', 'cancel_case'],
    ['I dont want to cancel, just tell me where my order is', 'delivery_problem'],
    ['cancle my ordr pls', 'cancel_order'],
    ['i wnat a refnud', 'file_refund'],
    ['我要refund', 'file_refund'],
  ])('%s -> %s', async (text, intent) => {
    expect((await recognizer.recognize(text)).intent).toBe(intent);
  });

  it('gives a high confidence to clear requests and a low one (intent other) when nothing matched', () => {
    expect(recognizer.recognizeSync('转人工').confidence).toBeGreaterThan(0.8);
    expect(recognizer.recognizeSync('I want my money back, the screen is cracked').confidence).toBeGreaterThan(0.8);
    for (const gibberish of ['asdkjh qwpeoi', '嗯嗯啊啊哦', '???', '42']) {
      const r = recognizer.recognizeSync(gibberish);
      expect(r.intent).toBe('other');
      expect(r.confidence).toBeLessThan(0.4);
    }
    const empty = recognizer.recognizeSync('   ');
    expect(empty).toMatchObject({ intent: 'other', confidence: 0, entities: {} });
  });

  it('reads bare yes / no / star answers as flow intents, more surely when the dialog expects them', () => {
    expect(recognizer.recognizeSync('好的', { expecting: 'confirm' })).toMatchObject({ intent: 'confirm', confidence: 0.95 });
    expect(recognizer.recognizeSync('yes please', { expecting: 'confirm' }).intent).toBe('confirm');
    expect(recognizer.recognizeSync('不用了', { expecting: 'confirm' }).intent).toBe('deny');
    expect(recognizer.recognizeSync('nope').intent).toBe('deny');
    expect(recognizer.recognizeSync('4', { expecting: 'rating' })).toMatchObject({ intent: 'rate', entities: { rating: 4 } });
    expect(recognizer.recognizeSync('给五星')).toMatchObject({ intent: 'rate', entities: { rating: 5 } });
    expect(recognizer.recognizeSync('4', {}).intent).toBe('other');
    // A full request is never swallowed by the yes/no reading.
    expect(recognizer.recognizeSync('好的，那帮我取消订单吧', { expecting: 'confirm' }).intent).toBe('cancel_order');
  });

  it('tells the language from the script, falling back to the given locale for text without letters', () => {
    expect(recognizer.recognizeSync('我要退款').language).toBe('zh-CN');
    expect(recognizer.recognizeSync('refund DEMO-1002 谢谢').language).toBe('zh-CN');
    expect(recognizer.recognizeSync('where is my parcel').language).toBe('en-US');
    expect(recognizer.recognizeSync('123456', { locale: 'zh-CN' }).language).toBe('zh-CN');
    expect(recognizer.recognizeSync('123456').language).toBe('en-US');
  });

  it('scores frustration from anger, repetition, capitals and exclamation marks', () => {
    const calm = recognizer.recognizeSync('where is my parcel please').frustration;
    const upset = recognizer.recognizeSync('第三次问了，太差了！！！我要投诉').frustration;
    const shouting = recognizer.recognizeSync('WHERE IS MY REFUND?? this is RIDICULOUS').frustration;
    expect(calm).toBeLessThan(0.2);
    expect(upset).toBeGreaterThanOrEqual(0.8);
    expect(shouting).toBeGreaterThanOrEqual(0.6);
    expect(upset).toBeLessThanOrEqual(1);
  });

  it('returns entities with the intent, and the buyer words as description of a complaint', () => {
    const r = recognizer.recognizeSync('订单 DEMO-1002 收到的杯子碎了两个，要退款');
    expect(r.intent).toBe('file_refund');
    expect(r.entities).toMatchObject({ orderId: 'DEMO-1002', reason: 'damaged_in_transit', quantity: 2 });
    expect(r.entities.description).toContain('杯子碎了');
    const shipped = recognizer.recognizeSync('已经寄回了，顺丰单号 SF1234567890123');
    expect(shipped).toMatchObject({ intent: 'return_shipping', entities: { carrier: 'SF', trackingNumber: 'SF1234567890123' } });
  });
});
