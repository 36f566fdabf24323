import { Injectable, Logger } from '@nestjs/common';
import { ERROR_CODES, type ErrorBody } from '#libs/contracts';
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

const UNAUDITED_MESSAGE: Record<AuditEntry['kind'], string> = {
  write: '审计日志暂无法写入，处理结果不予返回：操作可能已生效，请先查询确认，再决定是否重试',
  pii_read: '审计日志暂无法写入，未返回个人信息，请稍后再试',
  login: '审计日志暂无法写入，登录未完成，请稍后再试',
};

/**
 * What the client gets instead of a success whose audit entry could not be written: a 503 that
 * says so, never the success itself (the write happened, or a token or unmasked personal data
 * would leave, without its line in the log). A write's outcome is open, as after a service that
 * did not answer in time, so the client checks before it retries.
 */
export function unauditedBody(kind: AuditEntry['kind']): ErrorBody {
  return { statusCode: 503, code: ERROR_CODES.serviceUnavailable, message: UNAUDITED_MESSAGE[kind] };
}

/** The append-only, hash-chained record of every write and every read of personal data. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** False when the entry is not in the chain even after the repository's retries: the caller must not then report success. */
  async record(request: AuditedRequest): Promise<boolean> {
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
      return true;
    } catch (error) {
      // The request itself has happened (a write committed, a login checked): its missing entry must be loud.
      this.logger.error({ msg: 'audit append failed', requestId: request.requestId, kind: request.kind, method: request.method, path: request.path, status: request.status, err: String(error) });
      return false;
    }
  }

  async verify(): Promise<ChainVerification> {
    return verifyAuditChain(await this.repository.all());
  }

  list(bureaus: string[], limit: number, beforeSeq?: number) {
    return this.repository.page(bureaus, limit, beforeSeq);
  }
}
