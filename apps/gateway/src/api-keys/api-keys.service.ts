import { Injectable } from '@nestjs/common';
import { apiKeyMatches, issueApiKey, parseApiKey } from '#libs/auth';
import type { ScopedActor } from '#libs/contracts';
import { NotFoundError, ValidationError } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import type { UserRow } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { ApiKeyRow } from './api-key.entity.js';
import { ApiKeysRepository } from './api-keys.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `last_used_at` is a hint for admins, not an audit: written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;

export interface PublicApiKey {
  id: string;
  username: string;
  label: string;
  /** The key's public part, to tell keys apart; the secret is never shown again. */
  lookup: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

function toPublic(row: ApiKeyRow): PublicApiKey {
  return {
    id: row.id,
    username: row.username,
    label: row.label,
    lookup: row.lookup,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
  };
}

/** API keys for the `integration` role (domain.md §1: external systems authenticate by key, own bureau only). */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /** The new key, in clear this once. */
  async issue(admin: ScopedActor, username: string, label: string): Promise<PublicApiKey & { key: string }> {
    const user = await this.visibleUser(admin, username);
    if (user.role !== 'integration') {
      throw ValidationError.field('username', 'notIntegration', `username：${username} 不是外部系统（integration）账号，不能签发 API 密钥`);
    }
    const issued = issueApiKey();
    const row = await this.keys.insert({ username, label, lookup: issued.lookup, secretHash: issued.secretHash, createdBy: admin.username });
    return { ...toPublic(row), key: issued.key };
  }

  async list(admin: ScopedActor, username: string): Promise<PublicApiKey[]> {
    await this.visibleUser(admin, username);
    return (await this.keys.listOf(username)).map(toPublic);
  }

  async revoke(admin: ScopedActor, username: string, id: string): Promise<PublicApiKey> {
    await this.visibleUser(admin, username);
    if (!UUID.test(id)) throw new NotFoundError('API 密钥', id);
    if (!(await this.keys.findOf(username, id))) throw new NotFoundError('API 密钥', id);
    await this.keys.revoke(id, admin.username, this.clock.now());
    return toPublic((await this.keys.findOf(username, id))!);
  }

  /** The key's user when the key is ours, active and its user still an integration account; else null. */
  async authenticate(presented: string): Promise<UserRow | null> {
    const parts = parseApiKey(presented);
    if (!parts) return null;
    const row = await this.keys.findActiveByLookup(parts.lookup);
    if (!row || !apiKeyMatches(parts.secret, row.secretHash)) return null;
    const user = await this.users.findByUsername(row.username);
    if (!user || user.role !== 'integration') return null;
    const now = this.clock.now();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) await this.keys.touch(row.id, now);
    return user;
  }

  /** Another bureau's user is 404, as every record outside the admin's subtree. */
  private async visibleUser(admin: ScopedActor, username: string): Promise<UserRow> {
    const user = await this.users.findByUsername(username);
    if (!user || !admin.visibleBureaus.includes(user.bureau)) throw new NotFoundError('用户', username);
    return user;
  }
}
