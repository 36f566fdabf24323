import { Injectable } from '@nestjs/common';
import type { WorkCalendar } from '#libs/clock';
import { localDateOf } from '#libs/clock';
import type { CommandMessage, LeadClockView, LeadView, ListLeadsQueryDto, ScopedActor, WorkQueueQueryDto } from '#libs/contracts';
import { Clock } from '#libs/service-kit';
import { assertReadable, isReadOnlyFor } from './lead-access.js';
import { LeadClockService } from './lead-clock.service.js';
import { leadClockView, leadView } from './lead-mapper.js';
import type { LeadPauseRow } from './lead-pause.entity.js';
import type { LeadRow } from './lead.entity.js';
import { LeadsRepository } from './leads.repository.js';

/** The work queue is a reminder list: it never needs more than this many open leads at once. */
const QUEUE_LIMIT = 500;

@Injectable()
export class LeadQueriesService {
  constructor(
    private readonly repo: LeadsRepository,
    private readonly clocks: LeadClockService,
    private readonly clock: Clock,
  ) {}

  async get(actor: ScopedActor, id: string): Promise<LeadView> {
    const row = assertReadable(actor, await this.repo.findById(id), id);
    const [view] = await this.views(actor, [row], new Map([[row.id, await this.repo.pausesOf(row.id)]]));
    return view!;
  }

  async viewOfNew(actor: ScopedActor, row: LeadRow): Promise<LeadView> {
    const [view] = await this.views(actor, [row], new Map([[row.id, []]]));
    return view!;
  }

  async clockOf(actor: ScopedActor, id: string): Promise<LeadClockView> {
    const row = assertReadable(actor, await this.repo.findById(id), id);
    const clock = this.clocks.compute(row, await this.repo.pausesOf(row.id), await this.clocks.calendar());
    return leadClockView(row, clock);
  }

  async list({ actor, data }: CommandMessage<ListLeadsQueryDto>): Promise<{ items: LeadView[]; total: number }> {
    const { rows, total } = await this.repo.list({
      visibleBureaus: actor.visibleBureaus,
      ...(data.status ? { status: data.status } : {}),
      ...(data.channel ? { channel: data.channel } : {}),
      ...(data.overdue ? { overdue: data.overdue === 'true' } : {}),
      ...(data.dueBefore ? { dueBefore: data.dueBefore } : {}),
      ...(data.assignee ? { assignee: data.assignee } : {}),
      today: localDateOf(this.clock.now()),
      page: data.page ?? 1,
      pageSize: data.pageSize ?? 20,
    });
    return { items: await this.views(actor, rows), total };
  }

  /**
   * Open leads of the actor's bureau(s) — or of one assignee — earliest due first, with the
   * dueSoon/overdue reminder flags; `remindersOnly` keeps just those (the reminder list).
   */
  async queue({ actor, data }: CommandMessage<WorkQueueQueryDto>): Promise<{ items: LeadView[]; total: number; dueSoon: number; overdue: number }> {
    const rows = await this.repo.openLeads(actor.visibleBureaus, QUEUE_LIMIT, data.assignee);
    // Sort on the recomputed date: an open pause moves a lead's date past the stored one.
    let items = (await this.views(actor, rows)).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    if (data.remindersOnly === 'true') items = items.filter((i) => i.dueSoon || i.overdue);
    return { items, total: items.length, dueSoon: items.filter((i) => i.dueSoon).length, overdue: items.filter((i) => i.overdue).length };
  }

  async views(actor: ScopedActor, rows: LeadRow[], pauses?: Map<string, LeadPauseRow[]>): Promise<LeadView[]> {
    const byLead = pauses ?? (await this.repo.pausesOfMany(rows.map((r) => r.id)));
    const calendar: WorkCalendar = await this.clocks.calendar();
    const clocks = this.clocks.atOnce(calendar, this.clock.now());
    return rows.map((row) => {
      const rowPauses = byLead.get(row.id) ?? [];
      const clock = clocks.compute(row, rowPauses);
      return leadView(row, rowPauses, clock, clocks.timeliness(row, clock.dueDate), isReadOnlyFor(actor, row));
    });
  }
}
