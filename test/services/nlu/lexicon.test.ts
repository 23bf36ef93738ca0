import { conceptsOf, hasComplaint } from '../../../services/nlu/lexicon';
import { prepare } from '../../../services/nlu/prepare';

const concepts = (text: string) => conceptsOf(prepare(text));

describe('concept lexicons', () => {
  it.each([
    ['the hinge snapped', 'damage'],
    ['铰链断了', 'damage'],
    ['it wont turn on anymore', 'malfunction'],
    ['吹风机一开就跳闸', 'malfunction'],
    ['you sent someone elses order', 'wrong_item'],
    ['我买的是蓝色 发来的是绿色', 'wrong_item'],
    ['only got 3 of the 5 plates', 'missing_part'],
    ['盒子里少了个配件', 'missing_part'],
    ['way too tight around the chest', 'bad_fit'],
    ['穿不上 太紧了', 'bad_fit'],
    ['it smells like chemicals', 'bad_quality'],
    ['做工粗糙 线头很多', 'bad_quality'],
  ])('%s shows %s, a complaint about the item', (text, concept) => {
    const c = concepts(text);
    expect(c.has(concept as never)).toBe(true);
    expect(hasComplaint(c)).toBe(true);
  });

  it.each([
    'where is my package',
    '等的时间太长了 快递还没到',
    'the wait is taking too long',
    '价格太高了',
    'how do I change my password',
    '我买的东西分成两个包裹发的',
  ])('%s is no complaint about the item', (text) => {
    expect(hasComplaint(concepts(text))).toBe(false);
  });

  it('tells refund, return, withdrawal, status and logistics words apart', () => {
    expect([...concepts('when will my refund arrive')]).toEqual(expect.arrayContaining(['refund_word', 'when']));
    expect([...concepts('退货地址发我')]).toEqual(expect.arrayContaining(['return_word', 'return_logistics']));
    expect([...concepts('nvm the return, ill keep it')]).toEqual(expect.arrayContaining(['withdraw', 'return_word']));
    expect([...concepts('退款显示关闭了')]).toEqual(expect.arrayContaining(['refund_word', 'display']));
    // "Returned to sender" is the carrier's doing, not the buyer's return.
    expect(concepts('tracking says return to sender').has('return_word')).toBe(false);
    expect(concepts('快递被退回了').has('return_word')).toBe(false);
  });
});
