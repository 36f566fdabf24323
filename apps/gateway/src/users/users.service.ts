import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { CreateUserDto } from '#libs/contracts';
import { ConflictError, ValidationError } from '#libs/domain';
import { BureausService } from '../bureaus/bureaus.service.js';
import type { UserRow } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

const BCRYPT_ROUNDS = 10;

export interface PublicUser {
  username: string;
  role: UserRow['role'];
  bureau: string;
  displayName: string | null;
}

export function toPublicUser(user: UserRow): PublicUser {
  return { username: user.username, role: user.role, bureau: user.bureau, displayName: user.displayName };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly bureaus: BureausService,
  ) {}

  async create(input: CreateUserDto, options: { demo?: boolean } = {}): Promise<PublicUser> {
    if (!(await this.bureaus.exists(input.bureau))) {
      throw ValidationError.field('bureau', 'UNKNOWN_BUREAU', `bureau：未知的局 ${input.bureau}`);
    }
    const created = await this.users.insert({
      username: input.username,
      passwordHash: await bcrypt.hash(input.password, BCRYPT_ROUNDS),
      role: input.role,
      bureau: input.bureau,
      displayName: input.displayName ?? null,
      demo: options.demo ?? false,
    });
    if (!created) throw new ConflictError('USERNAME_TAKEN', `用户名 ${input.username} 已存在`);
    return toPublicUser(created);
  }

  /** The user when the password matches; null otherwise (same answer for unknown users). */
  async verify(username: string, password: string): Promise<UserRow | null> {
    const user = await this.users.findByUsername(username);
    // Compare even for unknown users so timing does not reveal which usernames exist.
    const ok = await bcrypt.compare(password, user?.passwordHash ?? '$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva');
    return user && ok ? user : null;
  }

  async list(visibleBureaus: string[]): Promise<PublicUser[]> {
    return (await this.users.list(visibleBureaus)).map(toPublicUser);
  }

  countNonDemo(): Promise<number> {
    return this.users.countNonDemo();
  }
}
