import { readTracking } from '../../../dialogs/cases/tracking-reply';

describe('reading a return parcel', () => {
  it('takes carrier and number typed together, in either order and case', () => {
    expect(readTracking({ text: '顺丰 SF1234567890123' })).toEqual({ kind: 'ok', code: 'SF', carrier: 'SF', trackingNumber: 'SF1234567890123' });
    expect(readTracking({ text: 'sf1234567890123 via SF Express' })).toMatchObject({ kind: 'ok', code: 'SF', trackingNumber: 'SF1234567890123' });
    expect(readTracking({ text: '中通 73108846291537' })).toMatchObject({ kind: 'ok', code: 'ZTO' });
  });

  it('guesses the carrier from the number alone where only one format fits', () => {
    expect(readTracking({ text: 'JDVA30452871946' })).toMatchObject({ kind: 'ok', code: 'JD' });
    expect(readTracking({ text: 'sf 1234 5678 90123' })).toMatchObject({ kind: 'ok', code: 'SF', trackingNumber: 'SF1234567890123' });
    expect(readTracking({ text: 'ＳＦ１２３４５６７８９０１２３' })).toMatchObject({ kind: 'ok', code: 'SF' });
  });

  it('asks which carrier when several fit, keeping the number', () => {
    const r = readTracking({ text: '73108846291537' });
    expect(r).toEqual({ kind: 'which_carrier', candidates: ['ZTO', 'YUNDA'], pending: { number: '73108846291537' } });
    expect(readTracking({ text: '韵达', pending: { number: '73108846291537' } })).toMatchObject({ kind: 'ok', code: 'YUNDA' });
  });

  it('explains a number that does not fit the carrier, and suggests carriers it does fit', () => {
    expect(readTracking({ text: '顺丰 SF1234' })).toMatchObject({ kind: 'bad_format', carrier: 'SF', number: 'SF1234', suggested: [] });
    expect(readTracking({ text: '顺丰 73108846291537' })).toMatchObject({ kind: 'bad_format', carrier: 'SF', suggested: ['ZTO', 'YUNDA'] });
    // The corrected number alone completes it: the carrier was kept.
    expect(readTracking({ text: 'SF1234567890123', pending: { carrier: 'SF', number: 'SF1234' } })).toMatchObject({ kind: 'ok', code: 'SF', trackingNumber: 'SF1234567890123' });
  });

  it('asks for what is missing', () => {
    expect(readTracking({ text: '已经寄出了' })).toEqual({ kind: 'need_both' });
    expect(readTracking({ text: '京东' })).toEqual({ kind: 'need_number', pending: { carrier: 'JD' } });
    expect(readTracking({ text: 'ABC123456' })).toEqual({ kind: 'need_carrier', pending: { number: 'ABC123456' } });
    expect(readTracking({ text: '!!!123!!!' })).toEqual({ kind: 'need_both' });
    expect(readTracking({ text: '号码 12-34' })).toMatchObject({ kind: 'unknown_number' });
  });

  it('records an "other" carrier under the name the buyer gave', () => {
    expect(readTracking({ text: '德邦 DPK123456789' })).toEqual({ kind: 'ok', code: 'OTHER', carrier: '德邦', trackingNumber: 'DPK123456789' });
    expect(readTracking({ value: { carrier: 'OTHER', carrierName: 'DHL', trackingNumber: '1234567890' } })).toEqual({ kind: 'ok', code: 'OTHER', carrier: 'DHL', trackingNumber: '1234567890' });
    expect(readTracking({ value: { carrier: 'OTHER', carrierName: '', trackingNumber: 'X-123456' } })).toMatchObject({ kind: 'ok', carrier: 'OTHER' });
  });

  it('takes the card form and never takes a case id for a waybill', () => {
    expect(readTracking({ value: { carrier: 'YTO', trackingNumber: 'yt 7465012938470' } })).toMatchObject({ kind: 'ok', code: 'YTO', trackingNumber: 'YT7465012938470' });
    expect(readTracking({ text: 'RD-000001 寄出了' })).toEqual({ kind: 'need_both' });
    expect(readTracking({ text: 'x', entities: { carrier: 'EMS', trackingNumber: 'EA123456789CN' } })).toMatchObject({ kind: 'ok', code: 'EMS' });
  });
});
