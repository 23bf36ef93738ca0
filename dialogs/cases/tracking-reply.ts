import type { CarrierCode } from '../../services/logistics';
import { findCarrier, guessCarrier, normalizeTrackingNumber, validateTrackingNumber } from '../../services/logistics';
import type { RecognitionEntities } from '../../services/nlu';
import { detectCarrier } from '../../services/nlu';

// Reading a return's carrier and tracking number from whatever the buyer sent: the card's form, "顺丰
// SF1234567890123", just the number, or the carrier now and the number next (what an earlier turn gave is kept
// in `pending`). The formats are the logistics module's; this only decides what to ask next.

export interface PendingTracking {
  carrier?: CarrierCode;
  /** Free-text carrier name, for "other" carriers. */
  carrierName?: string;
  number?: string;
}

export interface TrackingInput {
  text?: string;
  /** Card form fields: carrier (code), trackingNumber, carrierName. */
  value?: Record<string, unknown>;
  entities?: RecognitionEntities;
  pending?: PendingTracking;
}

export type TrackingReading =
  /** `carrier` is what the command records: the code, or the name given for an "other" carrier. */
  | { kind: 'ok'; code: CarrierCode; carrier: string; trackingNumber: string }
  | { kind: 'need_both' }
  | { kind: 'need_number'; pending: PendingTracking }
  /** A plausible number no known carrier claims: which carrier? */
  | { kind: 'need_carrier'; pending: PendingTracking }
  | { kind: 'which_carrier'; candidates: CarrierCode[]; pending: PendingTracking }
  | { kind: 'bad_format'; carrier: CarrierCode; number: string; suggested: CarrierCode[]; pending: PendingTracking }
  | { kind: 'unknown_number'; number: string };

const MAX_CARRIER_NAME = 20;
/** Words around a number that are not a carrier's name. */
const FILLER = /快递单号|运单号|快递|单号|物流|寄回|已寄出|寄出|已发|是|为|tracking\s*(?:no\.?|number)?|number|waybill|carrier|shipped|sent|via|with|by|the|it|my|[:：,，.。#]/giu;

export function readTracking(input: TrackingInput): TrackingReading {
  const value = input.value ?? {};
  const text = (input.text ?? '').normalize('NFKC').trim();
  const pending = input.pending ?? {};

  const typedNumber = str(value.trackingNumber) ?? input.entities?.trackingNumber ?? numberIn(text);
  const number = typedNumber ? normalizeTrackingNumber(typedNumber) : pending.number;
  const typedCarrier = carrierCodeOf(str(value.carrier)) ?? input.entities?.carrier ?? carrierIn(text, typedNumber);
  const carrier = typedCarrier ?? pending.carrier;
  let carrierName = str(value.carrierName) ?? (typedCarrier === 'OTHER' ? nameIn(text, typedNumber) : undefined) ?? pending.carrierName;
  if (carrierName) carrierName = carrierName.slice(0, MAX_CARRIER_NAME);
  const keep: PendingTracking = { ...(carrier ? { carrier } : {}), ...(carrierName ? { carrierName } : {}), ...(number ? { number } : {}) };

  if (!number) return carrier ? { kind: 'need_number', pending: keep } : { kind: 'need_both' };
  if (!carrier) {
    const guess = guessCarrier(number);
    switch (guess.kind) {
      case 'unique':
        return { kind: 'ok', code: guess.carrier, carrier: guess.carrier, trackingNumber: guess.trackingNumber };
      case 'ambiguous':
        return { kind: 'which_carrier', candidates: guess.candidates, pending: keep };
      case 'none':
        return guess.plausible ? { kind: 'need_carrier', pending: keep } : { kind: 'unknown_number', number };
      default: {
        const never: never = guess;
        throw new Error(`unknown guess ${JSON.stringify(never)}`);
      }
    }
  }
  const checked = validateTrackingNumber(carrier, number);
  if (checked.ok) {
    const code = checked.value.carrier;
    return { kind: 'ok', code, carrier: code === 'OTHER' ? (carrierName ?? code) : code, trackingNumber: checked.value.trackingNumber };
  }
  switch (checked.error.kind) {
    case 'bad_format':
      return { kind: 'bad_format', carrier: checked.error.carrier, number: checked.error.trackingNumber, suggested: checked.error.suggested, pending: keep };
    case 'empty':
      return { kind: 'need_number', pending: { carrier, ...(carrierName ? { carrierName } : {}) } };
    case 'unknown_carrier':
      return { kind: 'need_carrier', pending: { number } };
    default: {
      const never: never = checked.error;
      throw new Error(`unknown tracking error ${JSON.stringify(never)}`);
    }
  }
}

/** A carrier code from a card or a name ("SF", "顺丰", "ZTO Express"). */
function carrierCodeOf(name: string | undefined): CarrierCode | undefined {
  return name ? (findCarrier(name) ?? undefined) : undefined;
}

function carrierIn(text: string, number: string | undefined): CarrierCode | undefined {
  if (!text) return undefined;
  const rest = without(text, number);
  const whole = findCarrier(rest.trim());
  if (whole) return whole;
  return detectCarrier(rest) ?? undefined;
}

/**
 * The waybill number in the text: the longest token with a digit (a case id is not one); failing that, digits
 * typed in groups ("sf 1234 5678 90123") read together.
 */
function numberIn(text: string): string | undefined {
  const grouped = GROUPED.exec(text);
  if (grouped) return `${grouped[1]}${grouped[2]!.replace(/\s+/g, '')}`;
  const tokens = (text.match(/[A-Za-z0-9-]{4,40}/g) ?? []).filter((t) => /\d/.test(t) && !/^RD-?\d+$/i.test(t));
  return tokens.sort((a, b) => b.length - a.length)[0];
}

/** Digit groups separated by spaces, with an optional letter prefix: "sf 1234 5678 90123", "7310 8846 2915 37". */
const GROUPED = /(?<![A-Za-z0-9])([A-Za-z]{0,4})\s*(\d{2,}(?:\s+\d{2,})+)(?![A-Za-z0-9])/;

/** What is left of the text once the number and filler words are gone: the name of an "other" carrier. */
function nameIn(text: string, number: string | undefined): string | undefined {
  const rest = without(text, number).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  if (!rest || findCarrier(rest) === 'OTHER') return undefined;
  return rest;
}

/** The text without the number (matched however the buyer cased it). */
function without(text: string, number: string | undefined): string {
  if (!number) return text;
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'i'), ' ');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
