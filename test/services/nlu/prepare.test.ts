import { countsForCoverage, featureWeight, features, prepare } from '../../../services/nlu/prepare';
import { toSimplified } from '../../../services/nlu/traditional';

describe('prepare', () => {
  it('reads English and pinyin domain words inside Chinese as Chinese', () => {
    expect(prepare('订单还没ship')).toBe('订单还没发货');
    expect(prepare('能refund吗')).toBe('能退款吗');
    expect(prepare('想tuikuan')).toBe('想退款');
    // English text keeps its words.
    expect(prepare('refund please')).toBe('refund please');
  });

  it('reads Traditional Chinese as simplified, with regional words', () => {
    expect(toSimplified('請問什麼時候出貨')).toBe('请问什么时候发货');
    expect(prepare('退款還沒到帳')).toBe('退款还没到账');
  });

  it('replaces ids and the placeholders of anonymised logs', () => {
    expect(prepare('where is {{Order Number}}')).toBe('where is #order');
    expect(prepare('[ORDERID_10023] 退款进度')).toBe('#order 退款进度');
    expect(prepare('tracking 1Z999AA10123456784')).toBe('tracking #track');
  });

  it('expands chat shorthand and contractions, and corrects typos of domain words only', () => {
    expect(prepare('whens it coming u guys')).toBe('when is it coming you guys');
    expect(prepare('nvm thx')).toBe('never mind thanks');
    expect(prepare('i wnat a refnud')).toBe('i wnat a refund');
    // Real words one letter from a domain word stay what they are.
    expect(prepare('these arent mine')).toBe('these arent mine');
    expect(prepare('do you deliver on sundays')).toBe('do you deliver on sundays');
    expect(prepare('the paint chipped')).toBe('the paint chipped');
  });

  it('makes word, character n-gram and concept features, weighted and counted for coverage apart', () => {
    const f = features(prepare('the kettle leaks'));
    expect(f).toEqual(expect.arrayContaining(['w:kettle', 'w:leak', 'c:^ke', 'k:damage']));
    const zh = features(prepare('杯子漏水'));
    expect(zh).toEqual(expect.arrayContaining(['杯', '杯子', '杯子漏', 'k:damage']));
    expect(featureWeight('k:damage')).toBeGreaterThan(featureWeight('w:kettle'));
    expect(featureWeight('c:^ke')).toBeLessThan(featureWeight('w:kettle'));
    expect(countsForCoverage('c:^ke')).toBe(false);
    expect(countsForCoverage('k:damage')).toBe(false);
    expect(countsForCoverage('w:kettle')).toBe(true);
  });
});
