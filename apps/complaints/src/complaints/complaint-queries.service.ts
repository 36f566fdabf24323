import { Injectable } from '@nestjs/common';
import { localDateOf } from '#libs/clock';
import type { CommandMessage, ListComplaintsQueryDto } from '#libs/contracts';
import { mayReadConsumerPii } from '#libs/domain';
import { CalendarProvider, Clock } from '#libs/service-kit';
import { readAccess, requireRole } from './access.js';
import type { ComplaintRow } from './complaint.entity.js';
import { ComplaintTimeline, type TimelineContext } from './complaint-timeline.js';
import { toComplaintView, type ComplaintView } from './complaint.view.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ConsumerData } from './consumer-data.js';

type Id = { id: string };

/** Reminders look this many working days ahead (domain.md §2 default). */
export const REMINDER_WORKING_DAYS = 3;
const DEFAULT_PAGE_SIZE = 20;

@Injectable()
export class ComplaintQueriesService {
  constructor(
    private readonly repository: ComplaintsRepository,
    private readonly timeline: ComplaintTimeline,
    private readonly consumers: ConsumerData,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
  ) {}

  /**
   * The one view that may carry clear personal data: for the holding bureau's complaint
   * handlers only, and each such read is audited before the data leaves the service.
   */
  async get(cmd: CommandMessage<Id>): Promise<ComplaintView> {
    const { row, readOnly } = readAccess(cmd.actor, await this.repository.findById(cmd.data.id), cmd.data.id);
    const now = this.clock.now();
    const clear = !readOnly && mayReadConsumerPii(cmd.actor, row.bureau);
    if (clear) {
      await this.repository.recordPiiRead({
        complaintId: row.id,
        username: cmd.actor.username,
        role: cmd.actor.role,
        bureau: cmd.actor.bureau,
        requestId: cmd.requestId,
        readAt: now,
      });
    }
    const consumer = clear ? this.consumers.open(row) : this.consumers.masked(row);
    return toComplaintView(row, await this.timeline.of(row, now), consumer, { masked: !clear, readOnly, today: localDateOf(now) });
  }

  async list(cmd: CommandMessage<ListComplaintsQueryDto>): Promise<{ items: ComplaintView[]; total: number; page: number; pageSize: number }> {
    const now = this.clock.now();
    const page = Number(cmd.data.page ?? 1);
    const pageSize = Number(cmd.data.pageSize ?? DEFAULT_PAGE_SIZE);
    const { rows, total } = await this.repository.list({
      visibleBureaus: cmd.actor.visibleBureaus,
      ...(cmd.data.status ? { status: cmd.data.status } : {}),
      ...(cmd.data.overdue === 'true' ? { overdueBefore: localDateOf(now) } : {}),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const ctx = await this.timeline.context();
    return { items: rows.map((r) => this.maskedView(cmd, r, ctx, now)), total, page, pageSize };
  }

  /** Work queue: due within 3 working days and overdue — a handler's own, a supervisor's whole subtree. */
  async queue(cmd: CommandMessage<unknown>) {
    requireRole(cmd.actor, ['complaint_handler', 'supervisor'], '工作队列');
    const now = this.clock.now();
    const today = localDateOf(now);
    const calendar = await this.calendars.current();
    const dueBy = calendar.stepWorkingDays(today, REMINDER_WORKING_DAYS).date;
    const rows = await this.repository.queue({
      bureaus: cmd.actor.visibleBureaus,
      ...(cmd.actor.role === 'complaint_handler' ? { handler: { username: cmd.actor.username, ownBureau: cmd.actor.bureau } } : {}),
      dueBy,
    });
    const ctx = await this.timeline.context();
    const items = rows.map((r) => this.maskedView(cmd, r, ctx, now));
    return {
      asOf: today,
      dueBy,
      withinWorkingDays: REMINDER_WORKING_DAYS,
      overdue: items.filter((i) => i.overdue),
      dueSoon: items.filter((i) => !i.overdue),
    };
  }

  /** "Why this date" for every clock of the complaint. */
  async clockOf(cmd: CommandMessage<Id>) {
    const { row } = readAccess(cmd.actor, await this.repository.findById(cmd.data.id), cmd.data.id);
    const now = this.clock.now();
    const { rules, deadlines } = await this.timeline.of(row, now);
    const view = toComplaintView(row, { rules, deadlines }, this.consumers.masked(row), { masked: true, readOnly: false, today: localDateOf(now) });
    return {
      id: row.id,
      status: row.status,
      ruleSet: { id: rules.id, version: rules.version, title: rules.title, unconfirmed: rules.unconfirmed },
      ruleUnconfirmed: rules.unconfirmed,
      currentDueDate: view.currentDueDate,
      overdue: view.overdue,
      deadlines: Object.fromEntries(
        Object.entries(deadlines).map(([key, d]) => [
          key,
          { dueDate: d.dueDate, provisional: d.provisional, paused: d.paused, ruleUnconfirmed: d.ruleUnconfirmed, explanation: d.explanation },
        ]),
      ),
    };
  }

  async audit(cmd: CommandMessage<Id>) {
    requireRole(cmd.actor, ['supervisor'], '查看个人信息访问记录');
    const { row } = readAccess(cmd.actor, await this.repository.findById(cmd.data.id), cmd.data.id);
    const reads = await this.repository.piiReads(row.id);
    return {
      complaintId: row.id,
      items: reads.map((r) => ({ username: r.username, role: r.role, bureau: r.bureau, requestId: r.requestId, readAt: r.readAt.toISOString() })),
    };
  }

  private maskedView(cmd: CommandMessage<unknown>, row: ComplaintRow, ctx: TimelineContext, now: Date): ComplaintView {
    const readOnly = !cmd.actor.visibleBureaus.includes(row.bureau);
    return toComplaintView(row, this.timeline.compute(row, ctx, now), this.consumers.masked(row), { masked: true, readOnly, today: localDateOf(now) });
  }
}
