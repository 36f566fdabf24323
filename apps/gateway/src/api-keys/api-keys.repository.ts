import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyRow } from './api-key.entity.js';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ApiKeyRow);
  }

  insert(row: Pick<ApiKeyRow, 'username' | 'label' | 'lookup' | 'secretHash' | 'createdBy'>): Promise<ApiKeyRow> {
    return this.repo.save(this.repo.create({ ...row, lastUsedAt: null, revokedAt: null, revokedBy: null }));
  }

  findActiveByLookup(lookup: string): Promise<ApiKeyRow | null> {
    return this.repo.findOneBy({ lookup, revokedAt: IsNull() });
  }

  listOf(username: string): Promise<ApiKeyRow[]> {
    return this.repo.find({ where: { username }, order: { createdAt: 'ASC' } });
  }

  findOf(username: string, id: string): Promise<ApiKeyRow | null> {
    return this.repo.findOneBy({ username, id });
  }

  /** Revokes unless already revoked (a second revocation keeps the first date and admin). */
  async revoke(id: string, by: string, at: Date): Promise<void> {
    await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: at, revokedBy: by });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }
}
