import { atPosition, byTitle, isDone, isSkip, isSubstantive, linesOf, positionOf, quantityOf, typeHintOf } from '../../../dialogs/filing/parse';

const LINES = [
  { lineIndex: 0, titles: ['主动降噪蓝牙耳机 Pro 黑色', 'Noise-cancelling Bluetooth Earbuds Pro, black'] },
  { lineIndex: 1, titles: ['65W 氮化镓快充充电器', '65W GaN fast charger'] },
  { lineIndex: 2, titles: ['USB-C 编织快充数据线 1 米', 'USB-C braided charging cable, 1 m'] },
];

describe('reading typed answers', () => {
  it.each([
    ['2', 2], ['#3', 3], ['第二个', 2], ['第2件', 2], ['第十个', 10], ['second', 2], ['the 3rd one', 3], ['no. 1', 1], ['最后一个', -1], ['last', -1],
  ])('reads %s as position %d', (text, n) => {
    expect(positionOf(text)).toBe(n);
  });

  it.each(['DEMO-1002', '二十二', 'two of them please', ''])('does not read %s as a position', (text) => {
    expect(positionOf(text)).toBeUndefined();
  });

  it('picks by position, last included, and nothing out of range', () => {
    expect(atPosition(['a', 'b'], 2)).toBe('b');
    expect(atPosition(['a', 'b'], -1)).toBe('b');
    expect(atPosition(['a', 'b'], 3)).toBeUndefined();
    expect(atPosition(['a', 'b'], 0)).toBeUndefined();
  });

  it.each([
    ['1', 1], ['2件', 2], ['两个', 2], ['x3', 3], ['three', 3], ['全部', 'all'], ['all of them', 'all'],
  ])('reads quantity %s', (text, q) => {
    expect(quantityOf(text)).toBe(q);
  });

  it('reads lines by position, title and quantity', () => {
    expect(linesOf('2', LINES)).toEqual([{ lineIndex: 1 }]);
    expect(linesOf('第二个 1件', LINES)).toEqual([{ lineIndex: 1, quantity: 1 }]);
    expect(linesOf('2 x1', LINES)).toEqual([{ lineIndex: 1, quantity: 1 }]);
    expect(linesOf('1和3', LINES)).toEqual([{ lineIndex: 0 }, { lineIndex: 2 }]);
    expect(linesOf('1, 3', LINES)).toEqual([{ lineIndex: 0 }, { lineIndex: 2 }]);
    expect(linesOf('充电器', LINES)).toEqual([{ lineIndex: 1 }]);
    expect(linesOf('充电器 2个', LINES)).toEqual([{ lineIndex: 1, quantity: 2 }]);
    expect(linesOf('the charger', LINES)).toEqual([{ lineIndex: 1 }]);
    expect(linesOf('全部', LINES)).toBe('all');
    expect(linesOf('everything', LINES)).toBe('all');
    expect(linesOf('blah', LINES)).toBeUndefined();
  });

  it('matches a title only when exactly one line fits best', () => {
    expect(byTitle('数据线', LINES)?.lineIndex).toBe(2);
    expect(byTitle('快充', LINES)).toBeUndefined(); // charger and cable both say 快充
  });

  it('reads the kind of request a sentence asks for', () => {
    expect(typeHintOf('DEMO-1002 的东西坏了，我要退款')).toBe('refund_any');
    expect(typeHintOf('I want to return the earphones')).toBe('return_refund');
    expect(typeHintOf('七天无理由退货')).toBe('return_refund');
    expect(typeHintOf('能换货吗')).toBe('exchange');
    expect(typeHintOf('仅退款，不退货')).toBe('refund_only');
    expect(typeHintOf('坏了')).toBeUndefined();
  });

  it('knows the words that finish or skip a step, and what counts as a description', () => {
    expect(isDone('完成')).toBe(true);
    expect(isDone('Done.')).toBe(true);
    expect(isDone('我还有一张')).toBe(false);
    expect(isSkip('跳过')).toBe(true);
    expect(isSkip('no files')).toBe(true);
    expect(isSubstantive('坏了')).toBe(false);
    expect(isSubstantive('左耳没有声音')).toBe(true);
    expect(isSubstantive('it is broken')).toBe(true);
  });
});
