import type { EvidenceService, IncomingAttachment } from '../../services/evidence';
import { toEvidenceRef } from '../../services/evidence';
import type { EvidenceRef } from '../../services/refunds';
import type { FileOutcome } from '../../bot/cards/buyer/evidence-card';

// Files the buyer sends become evidence of the request: each is downloaded (or decoded), checked from its bytes,
// stored under its hash, and reported back as kept or refused with the reason.

export interface IntakeResult {
  evidence: EvidenceRef[];
  outcomes: FileOutcome[];
}

export async function takeFiles(
  service: EvidenceService,
  attachments: readonly IncomingAttachment[],
  held: readonly EvidenceRef[],
  options: { serviceUrl?: string; now: Date; nameOf: (position: number) => string },
): Promise<IntakeResult> {
  const evidence = [...held];
  const outcomes: FileOutcome[] = [];
  let position = held.length;
  for (const attachment of attachments) {
    position += 1;
    const name = attachment.name?.trim() || options.nameOf(position);
    const result = await service.ingest(attachment, {
      existingCount: evidence.length,
      ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}),
    });
    if (!result.ok) {
      outcomes.push({ status: 'refused', name, error: result.error });
      continue;
    }
    const stored = result.value;
    if (evidence.some((e) => e.sha256 === stored.sha256)) {
      outcomes.push({ status: 'duplicate', name });
      continue;
    }
    evidence.push(toEvidenceRef(stored, 'buyer', options.now.toISOString()));
    outcomes.push({ status: 'accepted', name: stored.name ?? name, kind: stored.kind, size: stored.size });
  }
  return { evidence, outcomes };
}
