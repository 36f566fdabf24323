import { Injectable, Logger } from '@nestjs/common';
import { verifyAuditChain, type AuditEntry, type ChainVerification } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { AuditRepository } from './audit.repository.js';

/** Set by a route that returned unmasked personal data, so the read is audited. */
export const PII_REVEALED_HEADER = 'x-wj-pii-revealed';

export interface AuditedRequest {
  kind: AuditEntry['kind'];
  actor?: { username: string; role: string; bureau: string };
  method: string;
  path: string;
  status: number;
  ip: string;
  requestId: string;
}

/** The append-only, hash-chained record of every write and every read of personal data. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(request: AuditedRequest): Promise<void> {
    try {
      await this.repository.append({
        at: this.clock.now().toISOString(),
        kind: request.kind,
        actor: request.actor?.username ?? '-',
        role: request.actor?.role ?? '-',
        bureau: request.actor?.bureau ?? '-',
        method: request.method,
        path: request.path.slice(0, 500),
        status: request.status,
        ip: request.ip,
        requestId: request.requestId.slice(0, 64),
      });
    } catch (error) {
      // The response has already left; a lost audit row must at least be loud.
      this.logger.error({ msg: 'audit append failed', requestId: request.requestId, err: String(error) });
    }
  }

  async verify(): Promise<ChainVerification> {
    return verifyAuditChain(await this.repository.all());
  }

  list(bureaus: string[], limit: number, beforeSeq?: number) {
    return this.repository.page(bureaus, limit, beforeSeq);
  }
}
