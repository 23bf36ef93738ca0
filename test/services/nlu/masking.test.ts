import { luhnValid, maskPersonalData } from '../../../services/nlu';

describe('maskPersonalData', () => {
  it.each([
    ['我的手机13812345678', '13812345678'],
    ['手机 138-1234-5678', '1234'],
    ['call +86 139 1234 5678', '1234 5678'],
    ['+8613912345678', '13912345678'],
    ['座机 0571-88886666', '88886666'],
    ['电话(010)62345678', '62345678'],
    ['call me at (415) 555-0100', '555-0100'],
    ['ring +44 20 7946 0958', '7946'],
  ])('masks the phone number in %s', (text, secret) => {
    const masked = maskPersonalData(text);
    expect(masked).not.toContain(secret);
    expect(masked).toContain('[phone]');
  });

  it('masks card numbers that pass the Luhn check, grouped or not', () => {
    expect(maskPersonalData('card 4111 1111 1111 1111')).toBe('card [card]');
    expect(maskPersonalData('卡号6222021234567890128')).not.toContain('6222021234567890128');
    expect(maskPersonalData('5555-5555-5555-4444 thanks')).toBe('[card] thanks');
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('masks e-mail addresses and ID-card numbers', () => {
    expect(maskPersonalData('write to li.lei+shop@example.com.cn')).toBe('write to [email]');
    expect(maskPersonalData('身份证 33010619900101123X')).toBe('身份证 [id]');
  });

  it.each([
    ['地址浙江省杭州市西湖区文三路100号3栋2单元501室', ['文三路', '100号', '501']],
    ['寄到北京市朝阳区建国路88号SOHO现代城A座1201，收件人张三', ['建国路', '88号', '1201']],
    ['广东省深圳市南山区科技园南区深南大道10000号', ['深南大道', '10000']],
    ['上海市浦东新区张江镇 快递到了吗', ['浦东新区', '张江镇']],
    ['I live at 221B Baker Street, London', ['221B', 'Baker']],
    ['ship to 1600 Amphitheatre Parkway, Mountain View, CA 94043', ['1600', 'Amphitheatre', '94043']],
    ['my address is 12 Oak Ave Apt 4B', ['12 Oak', '4B']],
  ])('masks the street address in %s', (text, secrets) => {
    const masked = maskPersonalData(text);
    for (const s of secrets) expect(masked).not.toContain(s);
    expect(masked).toContain('[address]');
  });

  it('leaves order ids, case ids, tracking numbers and ordinary words alone', () => {
    const text = 'order DEMO-1002, case RD-000123, tracking SF1234567890123 and 75312345678901, order 88231907';
    expect(maskPersonalData(text)).toBe(text);
    expect(maskPersonalData('我不知道快递到哪了，物流停在杭州市')).toBe('我不知道快递到哪了,物流停在杭州市');
    expect(maskPersonalData('I want to return 2 items within 7 days')).toBe('I want to return 2 items within 7 days');
    expect(maskPersonalData('订单号 00004587345 退款')).toBe('订单号 00004587345 退款');
  });
});
