import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { LoginDto } from '#libs/contracts';
import type { TokenClaims } from '#libs/auth';
import { toPublicUser, UsersService } from '../users/users.service.js';
import { Public } from './auth.decorators.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  @Public()
  // Brute-force guard: only this route is rate-limited (LOGIN_RATE_LIMIT_PER_MINUTE).
  @RouteConfig({ rateLimit: {} })
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto) {
    const user = await this.users.verify(dto.username, dto.password);
    if (!user) throw new UnauthorizedException({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const claims: TokenClaims = { sub: user.username, role: user.role, bureau: user.bureau };
    return { accessToken: await this.jwt.signAsync(claims), user: toPublicUser(user) };
  }
}
