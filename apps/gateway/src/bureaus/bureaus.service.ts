import { Injectable } from '@nestjs/common';
import { BureauTree } from '#libs/auth';
import { Clock } from '#libs/service-kit';
import { BureausRepository } from './bureaus.repository.js';

const CACHE_MS = 30_000;

/** The bureau tree from the gateway's table, cached briefly: it changes rarely. */
@Injectable()
export class BureausService {
  private cached?: { tree: BureauTree; at: number };

  constructor(
    private readonly repository: BureausRepository,
    private readonly clock: Clock,
  ) {}

  async tree(): Promise<BureauTree> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      this.cached = { tree: new BureauTree(await this.repository.all()), at: now };
    }
    return this.cached.tree;
  }

  async subtree(code: string): Promise<string[]> {
    return (await this.tree()).subtree(code);
  }

  async exists(code: string): Promise<boolean> {
    return (await this.tree()).has(code);
  }
}
