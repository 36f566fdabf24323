import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/domain';
import { BureausService } from '../bureaus/bureaus.service.js';
import type { RequestContext } from '../common/request-context.js';

/** Turns `?bureau=` into the bureau and its subtree, after checking the actor may see it (else 404). */
@Injectable()
export class IndicatorScopeResolver {
  constructor(private readonly bureaus: BureausService) {}

  async resolve(ctx: RequestContext, bureau: string | undefined): Promise<{ bureau: string; bureaus: string[] }> {
    const code = bureau ?? ctx.actor.bureau;
    if (!ctx.actor.visibleBureaus.includes(code)) throw new NotFoundError('机构', code);
    return { bureau: code, bureaus: await this.bureaus.subtree(code) };
  }
}
