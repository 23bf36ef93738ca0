import type { EvidenceKind } from '../../../services/refunds';
import type { EvidenceError, EvidenceLimits } from '../../../services/evidence';
import { MB } from '../../../services/evidence';
import type { MessageKey, Translate } from '../../i18n';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, heading, submit, text } from '../adaptive';

// What to upload and the limits, then, after each upload, which files were kept and which were refused and why.

export type FileOutcome =
  | { status: 'accepted'; name: string; kind: EvidenceKind; size: number }
  | { status: 'duplicate'; name: string }
  | { status: 'refused'; name: string; error: EvidenceError };

/** required: the reason needs a photo or video; optional: files help; wanted: the buyer asked to add some. */
export type EvidenceNeed = 'required' | 'optional' | 'wanted';

export interface EvidenceCardInput {
  need: EvidenceNeed;
  /** The reason in words. */
  reason: string;
  limits: EvidenceLimits;
  /** Files held so far. */
  count: number;
  /** A photo or video is among them (what "required" asks for). */
  hasPhotoOrVideo: boolean;
  /** The files of this message, when the buyer just sent some. */
  received?: FileOutcome[];
  context: Record<string, unknown>;
}

// Rounded up to 0.01 MB, so a file just over a limit never reads as exactly the limit.
const megabytes = (bytes: number): string => String(Math.ceil((bytes / MB) * 100) / 100);

export function fileSizeText(bytes: number): string {
  return bytes < MB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / MB).toFixed(1)} MB`;
}

export function kindLabel(t: Translate, kind: EvidenceKind): string {
  return t(`evidence.kind.${kind}` as MessageKey);
}

const DETECTED = new Set(['exe', 'elf', 'gif', 'zip', 'gzip', 'bmp', 'tiff', 'avif', 'audio', 'html', 'svg', 'xml']);

/** Why a file was refused, in the buyer's language (one message per evidence error kind). */
export function evidenceErrorText(t: Translate, name: string, error: EvidenceError): string {
  switch (error.kind) {
    case 'host_not_allowed':
      return t('evidence.error.host_not_allowed', { name, host: error.host });
    case 'too_large':
      return error.evidenceKind && error.sizeBytes !== undefined
        ? t('evidence.error.too_large', {
            name,
            size: megabytes(error.sizeBytes),
            kind: kindLabel(t, error.evidenceKind),
            limit: megabytes(error.limitBytes),
          })
        : t('evidence.error.too_large_unknown', { name, limit: megabytes(error.limitBytes) });
    case 'unsupported_type':
      return t('evidence.error.unsupported_type', {
        name,
        detected: t((DETECTED.has(error.detected) ? `evidence.detected.${error.detected}` : 'evidence.detected.other') as MessageKey),
      });
    case 'fetch_failed':
      return t('evidence.error.fetch_failed', { name });
    case 'timeout':
      return t('evidence.error.timeout', { name });
    case 'too_many_files':
      return t('evidence.error.too_many_files', { name, limit: error.limit });
    case 'empty':
      return t('evidence.error.empty', { name });
    case 'bad_data_url':
      return t('evidence.error.bad_data_url', { name });
    default: {
      const unknown: never = error;
      throw new Error(`unknown evidence error ${JSON.stringify(unknown)}`);
    }
  }
}

export function fileOutcomeText(t: Translate, outcome: FileOutcome): string {
  switch (outcome.status) {
    case 'accepted':
      return t('evidence.accepted', { name: outcome.name, kind: kindLabel(t, outcome.kind), size: fileSizeText(outcome.size) });
    case 'duplicate':
      return t('evidence.duplicate', { name: outcome.name });
    case 'refused':
      return t('evidence.refused', { reason: evidenceErrorText(t, outcome.name, outcome.error) });
    default: {
      const unknown: never = outcome;
      throw new Error(`unknown file outcome ${JSON.stringify(unknown)}`);
    }
  }
}

export function evidenceCard(input: EvidenceCardInput, t: Translate): AdaptiveCard {
  const body: Element[] = [];
  if (input.received && input.received.length > 0) {
    body.push(heading(t('evidence.receivedHeading')));
    for (const outcome of input.received) {
      body.push(
        text(`${outcome.status === 'accepted' ? '✓' : outcome.status === 'duplicate' ? '•' : '✗'} ${fileOutcomeText(t, outcome)}`, {
          spacing: 'Small',
          ...(outcome.status === 'refused' ? { color: 'Attention' } : {}),
        }),
      );
    }
  } else {
    body.push(heading(t('evidence.heading')));
    const ask = input.need === 'required' ? 'evidence.askRequired' : input.need === 'optional' ? 'evidence.askOptional' : 'evidence.askForced';
    body.push(text(t(ask, { reason: input.reason })));
    body.push(
      text(
        t('evidence.limits', {
          files: input.limits.filesPerCase,
          imageMb: megabytes(Math.max(input.limits.imageBytes, input.limits.pdfBytes)),
          videoMb: megabytes(input.limits.videoBytes),
        }),
        { isSubtle: true, size: 'Small' },
      ),
    );
  }
  if (input.count > 0) body.push(text(t('evidence.sendMore', { count: input.count }), { weight: 'Bolder' }));
  if (input.need === 'required' && input.count > 0 && !input.hasPhotoOrVideo) {
    body.push(text(t('evidence.stillRequired', { reason: input.reason }), { color: 'Attention' }));
  }

  const actions: CardAction[] = [];
  const canFinish = input.need !== 'required' || input.hasPhotoOrVideo;
  if (input.count > 0 && canFinish) actions.push(submit(t('evidence.done'), { ...input.context, step: 'evidence', choice: 'done' }, { style: 'positive' }));
  if (input.count === 0 && input.need !== 'required') actions.push(submit(t('evidence.skip'), { ...input.context, step: 'evidence', choice: 'skip' }));
  if (input.need === 'required') {
    actions.push(submit(t('filing.human'), { action: 'human', ...(typeof input.context.orderId === 'string' ? { orderId: input.context.orderId } : {}) }));
  }
  return card(body, actions);
}
