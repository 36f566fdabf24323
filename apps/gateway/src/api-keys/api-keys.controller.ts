import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateApiKeyDto } from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { ApiKeysService } from './api-keys.service.js';

/** Keys for external systems; they then send `X-API-Key: <key>` instead of a bearer token. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users/:username/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @Roles('admin')
  issue(@Param('username') username: string, @Body() dto: CreateApiKeyDto, @Ctx() ctx: RequestContext) {
    return this.keys.issue(ctx.actor, username, dto.label);
  }

  @Get()
  @Roles('admin')
  async list(@Param('username') username: string, @Ctx() ctx: RequestContext) {
    return { items: await this.keys.list(ctx.actor, username) };
  }

  @Delete(':id')
  @Roles('admin')
  revoke(@Param('username') username: string, @Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.keys.revoke(ctx.actor, username, id);
  }
}
