import type { AuditEntry, CaseQuery, RefundCase, RefundService } from '../refunds';
import { SYSTEM } from '../refunds';

// What operators get of the refund service: every case, read only. Nothing here can run a command, so the
// operator API and the process alerts cannot change a case whatever they are asked.

export interface CaseReader {
  listCases(query?: CaseQuery): Promise<RefundCase[]>;
  getCase(caseId: string): Promise<RefundCase | null>;
  auditTrail(caseId: string): Promise<AuditEntry[]>;
}

/** The service's queries with the `system` actor, which sees every case (DESIGN.md §2 "Who may do what"). */
export function readOnlyCases(service: Pick<RefundService, 'getCase' | 'auditTrail' | 'listCases'>): CaseReader {
  return {
    listCases: (query = {}) => service.listCases(SYSTEM, query),
    async getCase(caseId) {
      const r = await service.getCase(SYSTEM, caseId);
      return r.ok ? r.value : null;
    },
    async auditTrail(caseId) {
      const r = await service.auditTrail(SYSTEM, caseId);
      return r.ok ? r.value : [];
    },
  };
}
