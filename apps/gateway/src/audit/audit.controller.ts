import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'supervisor')
  async list(@Ctx() ctx: RequestContext, @Query('limit') limit?: string, @Query('beforeSeq') beforeSeq?: string) {
    const size = Math.min(Math.max(Number(limit) || 100, 1), 1000);
    const before = beforeSeq !== undefined && /^\d+$/.test(beforeSeq) ? Number(beforeSeq) : undefined;
    return { items: await this.audit.list(ctx.actor.visibleBureaus, size, before) };
  }

  /** Recomputes the whole hash chain; `ok: false` names the first tampered entry. */
  @Get('verify')
  @Roles('admin')
  verify() {
    return this.audit.verify();
  }
}
