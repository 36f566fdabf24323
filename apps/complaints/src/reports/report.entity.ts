import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ReportSubject {
  uscc?: string;
  name?: string;
  platform?: string;
  storeUrl?: string;
}

/** 举报 as received; the lead itself lives in the leads service (from `report.received`). */
@Entity({ name: 'reports' })
export class ReportRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ type: 'boolean' })
  online: boolean;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'jsonb' })
  subject: ReportSubject;

  @Column({ name: 'reporter_name_enc', type: 'text' })
  reporterNameEnc: string;

  @Column({ name: 'reporter_phone_enc', type: 'text' })
  reporterPhoneEnc: string;

  @Column({ name: 'reporter_real_name', type: 'boolean' })
  reporterRealName: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ type: 'boolean', default: false })
  demo: boolean;
}
