import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Audit of every read of unmasked complainant data: who, when, which complaint, which request. */
@Entity({ name: 'pii_reads' })
export class PiiReadRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 32 })
  role: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'request_id', type: 'text' })
  requestId: string;

  @Column({ name: 'read_at', type: 'timestamptz' })
  readAt: Date;
}
