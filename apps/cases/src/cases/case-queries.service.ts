import { Injectable } from '@nestjs/common';
import type { WorkQueueQueryDto, CommandMessage, ListCasesQueryDto } from '#libs/contracts';
import { localDateOf, periodOf } from '#libs/clock';
import { IllegalTransitionError } from '#libs/domain';
import { CalendarProvider, Clock } from '#libs/service-kit';
import { assertReadable } from './case-access.js';
import { CaseChanges } from './case-changes.js';
import { caseDeadline, caseRuleSet, type CaseView } from './case-view.js';
import { CasesRepository } from './cases.repository.js';

const QUEUE_LIMIT = 500;

/** Reads: one case, lists, the work queue and the "why this date" explanation. */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
  ) {}

  async get(msg: CommandMessage<{ id: string }>): Promise<CaseView> {
    const row = assertReadable(await this.cases.find(msg.data.id), msg.actor, msg.data.id);
    return this.changes.view(row, msg.actor, await this.calendars.current(), this.clock.now());
  }

  async list(msg: CommandMessage<ListCasesQueryDto>): Promise<{ items: CaseView[]; total: number; page: number; pageSize: number }> {
    const now = this.clock.now();
    const page = msg.data.page ?? 1;
    const pageSize = msg.data.pageSize ?? 20;
    const { rows, total } = await this.cases.list({
      visibleBureaus: msg.actor.visibleBureaus,
      ...(msg.data.status ? { status: msg.data.status as never } : {}),
      ...(msg.data.overdue === 'true' ? { overdueOn: localDateOf(now) } : {}),
      ...(msg.data.assignee ? { assignee: msg.data.assignee } : {}),
      page,
      pageSize,
    });
    const calendar = await this.calendars.current();
    const items = await Promise.all(rows.map((row) => this.changes.view(row, msg.actor, calendar, now)));
    return { items, total, page, pageSize };
  }

  /** Open cases the actor's bureaus own, soonest due first, with the reminder flags. */
  async queue(msg: CommandMessage<WorkQueueQueryDto>) {
    const now = this.clock.now();
    const { rows } = await this.cases.list({
      visibleBureaus: msg.actor.visibleBureaus,
      openOnly: true,
      ...(msg.data.assignee ? { assignee: msg.data.assignee } : {}),
      page: 1,
      pageSize: QUEUE_LIMIT,
    });
    const calendar = await this.calendars.current();
    let items = await Promise.all(rows.map((row) => this.changes.view(row, msg.actor, calendar, now)));
    if (msg.data.remindersOnly === 'true') items = items.filter((c) => c.dueSoon || c.overdue);
    items.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id));
    return {
      today: localDateOf(now),
      items,
      dueSoon: items.filter((c) => c.dueSoon).length,
      overdue: items.filter((c) => c.overdue).length,
    };
  }

  /** `GET /cases/:id/clock`: the due date with its segments, the rule and its legal basis. */
  async clockOf(msg: CommandMessage<{ id: string }>) {
    const row = assertReadable(await this.cases.find(msg.data.id), msg.actor, msg.data.id);
    const now = this.clock.now();
    const calendar = await this.calendars.current();
    const deadline = caseDeadline(row, calendar, now);
    const ruleSet = caseRuleSet(row);
    if (!deadline || !ruleSet) throw new IllegalTransitionError(row.status, '简易程序案件当场作出决定，没有办案期限', 'NO_CLOCK');
    const view = await this.changes.view(row, msg.actor, calendar, now);
    return {
      caseId: row.id,
      dueDate: deadline.dueDate,
      provisional: deadline.provisional,
      paused: deadline.paused,
      period: periodOf(ruleSet, 'caseDisposition'),
      basis: ruleSet.periods.caseDisposition.basis,
      ruleSet: { id: ruleSet.id, version: ruleSet.version, title: ruleSet.title },
      explanation: deadline.explanation,
      dueSoon: view.dueSoon,
      overdue: view.overdue,
      onTime: view.onTime,
      hearingRequestDueDate: view.hearingRequestDueDate,
      policeTransfer: view.policeTransfer,
      jurisdictionDispute: view.jurisdictionDispute,
    };
  }
}
