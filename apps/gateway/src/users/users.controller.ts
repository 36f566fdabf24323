import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserDto } from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'supervisor')
  async list(@Ctx() ctx: RequestContext) {
    return { items: await this.users.list(ctx.actor.visibleBureaus) };
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}
