import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BureauRow } from './bureau.entity.js';

@Injectable()
export class BureausRepository {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<BureauRow[]> {
    return this.dataSource.getRepository(BureauRow).find({ order: { code: 'ASC' } });
  }
}
