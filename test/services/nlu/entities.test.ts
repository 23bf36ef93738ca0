import { detectReason, extractEntities, validateEntities } from '../../../services/nlu';

describe('extractEntities', () => {
  it('finds order ids, case ids and plain order numbers', () => {
    expect(extractEntities('refund for demo-1002 please')).toMatchObject({ orderId: 'DEMO-1002' });
    expect(extractEntities('case RD-000123 update?')).toEqual({ caseId: 'RD-000123' });
    expect(extractEntities('订单号：123456789012 退款').orderId).toBe('123456789012');
    expect(extractEntities('order no. 5521, it never worked').orderId).toBe('5521');
    expect(extractEntities('my order 88231907').orderId).toBe('88231907');
  });

  it('never takes a mobile number or a case id for an order id', () => {
    expect(extractEntities('call me on 13812345678').orderId).toBeUndefined();
    expect(extractEntities('RD-000456 撤销').orderId).toBeUndefined();
  });

  it('reads tracking numbers and carriers, by name or by number prefix', () => {
    expect(extractEntities('已寄回，顺丰单号SF1234567890123')).toMatchObject({ carrier: 'SF', trackingNumber: 'SF1234567890123' });
    expect(extractEntities('sent via JD, tracking JD0012345678')).toMatchObject({ carrier: 'JD', trackingNumber: 'JD0012345678' });
    expect(extractEntities('中通 75312345678901 已经寄回了')).toMatchObject({ carrier: 'ZTO', trackingNumber: '75312345678901' });
    expect(extractEntities('我用韵达寄的，单号4312345678901')).toMatchObject({ carrier: 'YUNDA', trackingNumber: '4312345678901' });
    expect(extractEntities('posted it with YTO, number YT7654321098765')).toMatchObject({ carrier: 'YTO', trackingNumber: 'YT7654321098765' });
    expect(extractEntities('邮政寄回的').carrier).toBe('EMS');
    expect(extractEntities('申通').carrier).toBe('STO');
    expect(extractEntities('圆通').carrier).toBe('YTO');
    expect(extractEntities('京东快递').carrier).toBe('JD');
    expect(extractEntities('mailed it back, EA123456789CN')).toMatchObject({ carrier: 'EMS', trackingNumber: 'EA123456789CN' });
    expect(extractEntities('sent with DHL').carrier).toBe('OTHER');
    expect(extractEntities('I have some items in stock').carrier).toBeUndefined();
  });

  it('reads quantities in both languages without mistaking durations', () => {
    expect(extractEntities('少发了两件').quantity).toBe(2);
    expect(extractEntities('退3个').quantity).toBe(3);
    expect(extractEntities('I want to return 2 items').quantity).toBe(2);
    expect(extractEntities('two of them are broken').quantity).toBe(2);
    expect(extractEntities('都一个星期了').quantity).toBeUndefined();
    expect(extractEntities('it has been 10 days').quantity).toBeUndefined();
  });

  it.each([
    ['发错货了，我要白色的', 'wrong_item'],
    ['you sent me the wrong size', 'wrong_item'],
    ['少发了一个配件', 'missing_parts'],
    ['one of the 3 mugs is missing', 'missing_parts'],
    ['快递把东西压坏了', 'damaged_in_transit'],
    ['the box was crushed and the screen is smashed', 'damaged_in_transit'],
    ['和图片不一样，色差太大', 'not_as_described'],
    ['not as described at all', 'not_as_described'],
    ['质量太差了，穿一次就起球', 'quality_issue'],
    ['stopped working after two days', 'quality_issue'],
    ['显示签收了但我没收到', 'not_received'],
    ['物流太慢了', 'logistics_delay'],
    ['七天无理由退货', 'no_reason_7_days'],
    ['拍错了', 'mistaken_purchase'],
    ['I ordered it by mistake', 'mistaken_purchase'],
  ])('reason of %s is %s', (text, reason) => {
    expect(detectReason(text.toLowerCase())).toBe(reason);
  });
});

describe('validateEntities', () => {
  const text = 'order DEMO-1002, case RD-000123, returned with SF1234567890123';

  it('keeps well-formed values the buyer typed', () => {
    expect(
      validateEntities(
        { orderId: 'demo-1002', caseId: 'RD-000123', trackingNumber: 'SF1234567890123', carrier: 'SF', reason: 'wrong_item', quantity: 2 },
        text,
      ),
    ).toEqual({ orderId: 'DEMO-1002', caseId: 'RD-000123', trackingNumber: 'SF1234567890123', carrier: 'SF', reason: 'wrong_item', quantity: 2 });
  });

  it('drops invented ids, unknown codes and out-of-range numbers', () => {
    expect(
      validateEntities(
        {
          orderId: 'DEMO-9999',
          caseId: 'RD-999999',
          trackingNumber: 'SF9999999999999',
          carrier: 'UPS',
          reason: 'approve_now',
          quantity: 10000,
          rating: 9,
          description: '',
        },
        text,
      ),
    ).toEqual({});
    expect(validateEntities({ orderId: 'RD-000123' }, text)).toEqual({});
    expect(validateEntities({ quantity: 1.5 }, text)).toEqual({});
    expect(validateEntities({ orderId: { toString: () => 'DEMO-1002' } }, text)).toEqual({});
  });
});
