import { IllegalTransitionError } from '../shared/domain-error.js';
import { REPORT_BACK_CHANNELS, type LeadChannel, type LeadOutcome, type LeadStatus } from './vocabulary.js';

/** What the state machine needs to know about a lead. */
export interface LeadLifecycleState {
  status: LeadStatus;
  channel: LeadChannel;
  extended: boolean;
  reporterRealName: boolean;
  reporterNotified: boolean;
}

/**
 * The states of domain.md §3: received → verifying ↔ paused → decided → reported_back
 * (assigned/supervised only). Each method returns the status after the action or throws a 409
 * naming the current status; it never mutates.
 */
export class LeadLifecycle {
  constructor(private readonly state: LeadLifecycleState) {}

  /** A pause stops the clock for testing, inspection, … (only one open at a time). */
  pause(): LeadStatus {
    const { status } = this.state;
    if (status === 'paused') throw new IllegalTransitionError(status, '已有未结束的中止，须先结束');
    this.requireOpen('中止计时');
    return 'paused';
  }

  resume(): LeadStatus {
    if (this.state.status !== 'paused') throw new IllegalTransitionError(this.state.status, '没有未结束的中止');
    return 'verifying';
  }

  /** One extension of 15 WD (第十八条); a second is refused. The clock may be paused meanwhile. */
  extend(): LeadStatus {
    this.requireOpen('延期');
    if (this.state.extended) throw new IllegalTransitionError(this.state.status, '核查期限只能延长一次', 'ALREADY_EXTENDED');
    return this.state.status === 'received' ? 'verifying' : this.state.status;
  }

  /** A paused clock must be resumed first, so the decision is measured against a settled due date. */
  decide(_outcome: LeadOutcome): LeadStatus {
    if (this.state.status === 'paused') throw new IllegalTransitionError('paused', '计时中止中，须先结束中止再作出决定');
    this.requireOpen('作出决定');
    return 'decided';
  }

  reportBack(): LeadStatus {
    const { status, channel } = this.state;
    if (!REPORT_BACK_CHANNELS.includes(channel)) {
      throw new IllegalTransitionError(status, '只有上级交办、督办线索需要反馈', 'NOT_REPORTABLE');
    }
    if (status !== 'decided') {
      throw new IllegalTransitionError(status, status === 'reported_back' ? '已反馈' : '须先作出核查决定再反馈');
    }
    return 'reported_back';
  }

  /** The real-name reporter's notice of the outcome (告知举报人), once, after the decision. */
  notifyReporter(): LeadStatus {
    const { status } = this.state;
    if (!this.state.reporterRealName) throw new IllegalTransitionError(status, '该线索没有实名举报人', 'NO_REAL_NAME_REPORTER');
    if (status !== 'decided' && status !== 'reported_back') throw new IllegalTransitionError(status, '须先作出核查决定再告知举报人');
    if (this.state.reporterNotified) throw new IllegalTransitionError(status, '已告知举报人', 'ALREADY_NOTIFIED');
    return status;
  }

  private requireOpen(action: string): void {
    const { status } = this.state;
    if (status !== 'received' && status !== 'verifying' && status !== 'paused') {
      throw new IllegalTransitionError(status, `线索已处理，不能${action}`);
    }
  }
}
