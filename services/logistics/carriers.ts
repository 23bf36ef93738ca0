import { z } from 'zod';

// The express carriers buyers use for returns in mainland China, and what their waybill numbers look like.
// The formats are deliberately a little generous: refusing a real number costs a frustrated buyer, accepting a
// typo costs one failed tracking lookup that the return_in_transit alert catches anyway.

export const CARRIER_CODES = ['SF', 'JD', 'ZTO', 'YTO', 'STO', 'YUNDA', 'EMS', 'OTHER'] as const;
export const CarrierCodeSchema = z.enum(CARRIER_CODES);
export type CarrierCode = z.infer<typeof CarrierCodeSchema>;

export interface Carrier {
  code: CarrierCode;
  nameZh: string;
  nameEn: string;
  /** Other ways buyers name the carrier (lowercase compared). */
  aliases: readonly string[];
  /** Matched against the normalized number (see normalizeTrackingNumber). */
  pattern: RegExp;
}

export const CARRIERS: Readonly<Record<CarrierCode, Carrier>> = {
  // Waybills printed since 2019 read "SF" + 13 digits; older 12-digit ones are still quoted by buyers.
  SF: { code: 'SF', nameZh: '顺丰速运', nameEn: 'SF Express', aliases: ['顺丰', '顺丰快递', 'sf express', 'sf-express', 'shunfeng'], pattern: /^SF\d{12,13}$/ },
  // JD Logistics: "JD" followed by letters (VA, VB, VC, X ...) and digits.
  JD: { code: 'JD', nameZh: '京东物流', nameEn: 'JD Logistics', aliases: ['京东', '京东快递', 'jd logistics', 'jingdong'], pattern: /^JD[0-9A-Z]{13,15}$/ },
  ZTO: { code: 'ZTO', nameZh: '中通快递', nameEn: 'ZTO Express', aliases: ['中通', 'zto express', 'zhongtong'], pattern: /^[75]\d{11,13}$/ },
  YTO: { code: 'YTO', nameZh: '圆通速递', nameEn: 'YTO Express', aliases: ['圆通', '圆通快递', 'yto express', 'yuantong'], pattern: /^YT\d{13}$/ },
  STO: { code: 'STO', nameZh: '申通快递', nameEn: 'STO Express', aliases: ['申通', 'sto express', 'shentong'], pattern: /^(77|88)\d{10,13}$/ },
  YUNDA: { code: 'YUNDA', nameZh: '韵达快递', nameEn: 'Yunda Express', aliases: ['韵达', 'yunda express', 'yd'], pattern: /^\d{13,15}$/ },
  // China Post EMS: UPU S10 numbers (two letters, 9 digits, "CN") or 13-digit domestic waybills.
  EMS: { code: 'EMS', nameZh: '中国邮政 EMS', nameEn: 'China Post EMS', aliases: ['邮政', '中国邮政', '邮政ems', 'china post', 'china post ems'], pattern: /^([A-Z]{2}\d{9}[A-Z]{2}|\d{13})$/ },
  OTHER: { code: 'OTHER', nameZh: '其他快递', nameEn: 'Other carrier', aliases: ['其他', 'other'], pattern: /^[0-9A-Z-]{6,30}$/ },
};

/** Most specific first: a letter prefix identifies a carrier; bare digits only narrow it down. */
const GUESS_ORDER: readonly CarrierCode[] = ['SF', 'JD', 'YTO', 'EMS', 'STO', 'ZTO', 'YUNDA'];

/**
 * Trim, uppercase, drop every space. NFKC first, because Chinese input methods often produce full-width
 * letters, digits and spaces ("ＳＦ１２３…").
 */
export function normalizeTrackingNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Resolves a carrier code, display name or common alias ("sf", "顺丰", "China Post") to its code. */
export function findCarrier(nameOrCode: string): CarrierCode | null {
  const wanted = nameOrCode.normalize('NFKC').trim();
  if (!wanted) return null;
  const upper = wanted.toUpperCase();
  const lower = wanted.toLowerCase().replace(/\s+/g, ' ');
  for (const carrier of Object.values(CARRIERS)) {
    if (carrier.code === upper) return carrier.code;
    if (carrier.nameZh === wanted || carrier.nameEn.toLowerCase() === lower) return carrier.code;
    if (carrier.aliases.includes(lower)) return carrier.code;
  }
  return null;
}

export type TrackingNumberError =
  | { kind: 'empty' }
  | { kind: 'unknown_carrier'; carrier: string }
  /** `suggested`: carriers whose format the number does match, so the buyer can be asked "did you mean ...". */
  | { kind: 'bad_format'; carrier: CarrierCode; trackingNumber: string; suggested: CarrierCode[] };

export type TrackingNumberResult =
  | { ok: true; value: { carrier: CarrierCode; trackingNumber: string } }
  | { ok: false; error: TrackingNumberError };

export function validateTrackingNumber(carrier: string, number: string): TrackingNumberResult {
  const code = findCarrier(carrier);
  if (!code) return { ok: false, error: { kind: 'unknown_carrier', carrier } };
  const trackingNumber = normalizeTrackingNumber(number);
  if (!trackingNumber) return { ok: false, error: { kind: 'empty' } };
  if (CARRIERS[code].pattern.test(trackingNumber)) return { ok: true, value: { carrier: code, trackingNumber } };
  return { ok: false, error: { kind: 'bad_format', carrier: code, trackingNumber, suggested: matchingCarriers(trackingNumber) } };
}

export type CarrierGuess =
  | { kind: 'unique'; carrier: CarrierCode; trackingNumber: string }
  /** Bare digits fit several carriers: ask the buyer which one, offering these (most likely first). */
  | { kind: 'ambiguous'; candidates: CarrierCode[]; trackingNumber: string }
  /** No known carrier's format; `plausible` when it could still be another carrier's number. */
  | { kind: 'none'; trackingNumber: string; plausible: boolean };

/** For when a buyer only types a number. Never guesses OTHER: that would match almost anything. */
export function guessCarrier(number: string): CarrierGuess {
  const trackingNumber = normalizeTrackingNumber(number);
  const candidates = matchingCarriers(trackingNumber);
  if (candidates.length === 1) return { kind: 'unique', carrier: candidates[0]!, trackingNumber };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates, trackingNumber };
  return { kind: 'none', trackingNumber, plausible: CARRIERS.OTHER.pattern.test(trackingNumber) };
}

function matchingCarriers(normalized: string): CarrierCode[] {
  return GUESS_ORDER.filter((code) => CARRIERS[code].pattern.test(normalized));
}
