import {
  CARRIERS,
  CARRIER_CODES,
  findCarrier,
  guessCarrier,
  normalizeTrackingNumber,
  validateTrackingNumber,
} from '../../../services/logistics/carriers';
import type { CarrierCode } from '../../../services/logistics/carriers';

describe('carriers', () => {
  it('lists the common carriers with Chinese and English names', () => {
    expect(CARRIER_CODES).toEqual(['SF', 'JD', 'ZTO', 'YTO', 'STO', 'YUNDA', 'EMS', 'OTHER']);
    expect(CARRIERS.SF.nameZh).toMatch(/顺丰/);
    expect(CARRIERS.JD.nameZh).toMatch(/京东/);
    expect(CARRIERS.ZTO.nameZh).toMatch(/中通/);
    expect(CARRIERS.YTO.nameZh).toMatch(/圆通/);
    expect(CARRIERS.STO.nameZh).toMatch(/申通/);
    expect(CARRIERS.YUNDA.nameZh).toMatch(/韵达/);
    expect(CARRIERS.EMS.nameZh).toMatch(/EMS/);
    for (const code of CARRIER_CODES) expect(CARRIERS[code]).toMatchObject({ code, nameEn: expect.any(String) });
  });

  it.each([
    ['sf', 'SF'],
    [' 顺丰 ', 'SF'],
    ['顺丰速运', 'SF'],
    ['SF Express', 'SF'],
    ['京东', 'JD'],
    ['中通快递', 'ZTO'],
    ['yto', 'YTO'],
    ['申通', 'STO'],
    ['Yunda Express', 'YUNDA'],
    ['中国邮政', 'EMS'],
    ['China Post', 'EMS'],
    ['其他', 'OTHER'],
  ])('findCarrier(%j) -> %s', (input, code) => {
    expect(findCarrier(input)).toBe(code);
  });

  it('findCarrier returns null for an unknown carrier', () => {
    expect(findCarrier('DHL Global')).toBeNull();
    expect(findCarrier('  ')).toBeNull();
  });

  it('normalizes: trims, uppercases, removes spaces, folds full-width characters', () => {
    expect(normalizeTrackingNumber('  sf 1234 5678 90123\t')).toBe('SF1234567890123');
    expect(normalizeTrackingNumber('ＳＦ１２３４５６７８９０１２３')).toBe('SF1234567890123');
    expect(normalizeTrackingNumber('jdva\u300012345678901')).toBe('JDVA12345678901');
  });

  const valid: [CarrierCode, string][] = [
    ['SF', 'SF1234567890123'],
    ['SF', 'SF123456789012'],
    ['JD', 'JDVA12345678901'],
    ['JD', 'JDX000123456789'],
    ['ZTO', '73123456789012'],
    ['ZTO', '512345678901'],
    ['YTO', 'YT1234567890123'],
    ['STO', '773012345678901'],
    ['STO', '880123456789'],
    ['YUNDA', '4312345678901'],
    ['YUNDA', '312345678901234'],
    ['EMS', 'EA123456789CN'],
    ['EMS', '1012345678901'],
    ['OTHER', 'DHL-1234567'],
  ];
  it.each(valid)('%s accepts %s', (carrier, number) => {
    expect(validateTrackingNumber(carrier, number)).toEqual({ ok: true, value: { carrier, trackingNumber: number } });
  });

  const invalid: [CarrierCode, string][] = [
    ['SF', 'SF12345678901'],
    ['SF', 'SF12345678901234'],
    ['SF', '1234567890123'],
    ['JD', 'JD123456789012'],
    ['JD', 'JD1234567890123456'],
    ['ZTO', '12345678901234'],
    ['ZTO', '7312345678'],
    ['YTO', 'YT123456789012'],
    ['YTO', 'YTO1234567890123'],
    ['STO', '663012345678901'],
    ['STO', '77301234567'],
    ['YUNDA', '123456789012'],
    ['YUNDA', '1234567890123456'],
    ['EMS', 'EA123456789'],
    ['EMS', '123456789012'],
    ['OTHER', 'AB12'],
    ['OTHER', 'AB_123456'],
  ];
  it.each(invalid)('%s refuses %s', (carrier, number) => {
    const result = validateTrackingNumber(carrier, number);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_format', carrier } });
  });

  it('normalizes before validating, and says which carrier the number would fit', () => {
    expect(validateTrackingNumber('顺丰', ' sf 1234567890123 ')).toEqual({ ok: true, value: { carrier: 'SF', trackingNumber: 'SF1234567890123' } });
    expect(validateTrackingNumber('SF', 'YT1234567890123')).toEqual({
      ok: false,
      error: { kind: 'bad_format', carrier: 'SF', trackingNumber: 'YT1234567890123', suggested: ['YTO'] },
    });
  });

  it('reports an empty number and an unknown carrier', () => {
    expect(validateTrackingNumber('SF', '   ')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(validateTrackingNumber('DHL', 'SF1234567890123')).toEqual({ ok: false, error: { kind: 'unknown_carrier', carrier: 'DHL' } });
  });

  it('guesses the carrier of a prefixed number', () => {
    expect(guessCarrier('sf1234567890123')).toEqual({ kind: 'unique', carrier: 'SF', trackingNumber: 'SF1234567890123' });
    expect(guessCarrier('JDVA12345678901')).toMatchObject({ kind: 'unique', carrier: 'JD' });
    expect(guessCarrier('YT1234567890123')).toMatchObject({ kind: 'unique', carrier: 'YTO' });
    expect(guessCarrier('EA123456789CN')).toMatchObject({ kind: 'unique', carrier: 'EMS' });
  });

  it('guesses from digits alone only when one format fits', () => {
    expect(guessCarrier('512345678901')).toEqual({ kind: 'unique', carrier: 'ZTO', trackingNumber: '512345678901' });
    expect(guessCarrier('77301234567890')).toEqual({ kind: 'ambiguous', candidates: ['STO', 'ZTO', 'YUNDA'], trackingNumber: '77301234567890' });
    expect(guessCarrier('4312345678901')).toEqual({ kind: 'ambiguous', candidates: ['EMS', 'YUNDA'], trackingNumber: '4312345678901' });
  });

  it('guesses nothing for a number no carrier uses, and never guesses OTHER', () => {
    expect(guessCarrier('DHL-1234567')).toEqual({ kind: 'none', trackingNumber: 'DHL-1234567', plausible: true });
    expect(guessCarrier('12')).toEqual({ kind: 'none', trackingNumber: '12', plausible: false });
  });
});
