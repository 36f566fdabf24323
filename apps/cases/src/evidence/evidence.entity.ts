import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EvidenceType } from '#libs/domain';

export interface CustodyEntry {
  action: 'captured' | 'verified' | 'mismatch' | 'missing';
  by: string;
  at: string;
  sha256?: string;
}

/** 电子数据: metadata and the hash taken at capture; the bytes live in the EvidenceStore under that hash. */
@Entity({ name: 'evidence' })
export class EvidenceRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 32 })
  type: EvidenceType;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ name: 'captured_at', type: 'timestamptz' })
  capturedAt: Date;

  @Column({ type: 'varchar', length: 200 })
  method: string;

  @Column({ name: 'captured_by', type: 'varchar', length: 64 })
  capturedBy: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 255 })
  mimeType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'jsonb' })
  custody: CustodyEntry[];
}
