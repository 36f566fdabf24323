import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InspectionDrawDto, InspectionPolicyDto } from '#libs/contracts';
import { NotFoundError } from '#libs/domain';
import { Roles } from '../auth/auth.decorators.js';
import { BureausService } from '../bureaus/bureaus.service.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { UsersService } from '../users/users.service.js';

/** 差异化监管 policies and 双随机 draws; the gateway supplies what only it knows (users, bureau tree). */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('api/v1/inspections')
export class InspectionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly users: UsersService,
    private readonly bureaus: BureausService,
  ) {}

  @Get('policies/:bureau')
  policy(@Ctx() ctx: RequestContext, @Param('bureau') bureau: string) {
    return this.commands.send('credit.get_policy', ctx, { bureau });
  }

  @Put('policies/:bureau')
  @Roles('supervisor', 'admin')
  setPolicy(@Ctx() ctx: RequestContext, @Param('bureau') bureau: string, @Body() dto: InspectionPolicyDto) {
    return this.commands.send('credit.set_policy', ctx, { ...dto, bureau });
  }

  @Post('draws')
  @Roles('supervisor', 'admin')
  async draw(@Ctx() ctx: RequestContext, @Body() dto: InspectionDrawDto) {
    if (!ctx.actor.visibleBureaus.includes(dto.bureau)) throw new NotFoundError('局', dto.bureau);
    // The bureau's own officers are the inspector pool (执法检查人员名录库).
    const inspectors = (await this.users.list([dto.bureau])).filter((u) => u.role === 'officer').map((u) => u.username);
    const bureauScope = await this.bureaus.subtree(dto.bureau);
    return this.commands.send('credit.draw', ctx, { ...dto, inspectors, bureauScope });
  }

  @Get('draws/:id')
  getDraw(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.commands.send('credit.get_draw', ctx, { id });
  }

  @Get('draws/:id/export.xlsx')
  async exportDraw(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.commands.send<{ filename: string; base64: string }>('credit.export_draw', ctx, { id });
    void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    void reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    return Buffer.from(file.base64, 'base64');
  }
}
