import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserRow } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(UserRow);
  }

  findByUsername(username: string): Promise<UserRow | null> {
    return this.repo.findOneBy({ username });
  }

  /** Inserts unless the username is taken; returns null when it is. */
  async insert(user: Omit<UserRow, 'id' | 'createdAt'>): Promise<UserRow | null> {
    const rows = await this.repo
      .createQueryBuilder()
      .insert()
      .values(user)
      .orIgnore()
      .returning('*')
      .execute();
    return rows.identifiers.length > 0 && rows.identifiers[0] ? this.findByUsername(user.username) : null;
  }

  list(bureaus: string[]): Promise<UserRow[]> {
    return this.repo.createQueryBuilder('u').where('u.bureau = ANY(:bureaus)', { bureaus }).orderBy('u.username').getMany();
  }

  countNonDemo(): Promise<number> {
    return this.repo.countBy({ demo: false });
  }
}
