import { Injectable } from '@nestjs/common';
import { ruleSetFor } from '#libs/clock';
import { COMPLAINT_EVENTS, type CommandMessage } from '#libs/contracts';
import { IllegalTransitionError } from '#libs/domain';
import { ComplaintWriter } from './complaint-writer.js';
import type { ComplaintView } from './complaint.view.js';

/**
 * Re-base (重算): an admin moves a running complaint to the newest confirmed version of the rule
 * set it started under. Never implicit, and the change is itself an event (audited).
 */
@Injectable()
export class RebaseService {
  constructor(private readonly writer: ComplaintWriter) {}

  rebase(cmd: CommandMessage<{ id: string }>): Promise<ComplaintView> {
    return this.writer.change(
      cmd,
      'rebase',
      (row, _before, now, ctx) => {
        // The confirmations the deadlines after the change are computed with, so the new version is among them.
        const latest = ruleSetFor('complaint', row.receivedAt, ctx.confirmations);
        if (latest.id !== row.ruleSetId || latest.version <= row.ruleSetVersion) {
          throw new IllegalTransitionError(`${row.ruleSetId} v${row.ruleSetVersion}`, '已适用最新确认的规则版本');
        }
        const fromVersion = row.ruleSetVersion;
        row.ruleSetVersion = latest.version;
        return { type: COMPLAINT_EVENTS.ruleRebased, occurredAt: now, payload: { ruleSetId: latest.id, fromVersion, toVersion: latest.version } };
      },
      ['admin'],
    );
  }
}
