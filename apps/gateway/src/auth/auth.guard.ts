import { Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '#libs/contracts';
import type { TokenClaims } from '#libs/auth';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { BureausService } from '../bureaus/bureaus.service.js';
import type { AuthenticatedRequest } from '../common/request-context.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';

/**
 * Every route needs a valid bearer token (people) or `X-API-Key` (external systems) unless
 * marked @Public(); @Roles narrows it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly bureaus: BureausService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const claims = await this.claimsOf(request);
    request.actor = {
      username: claims.sub,
      role: claims.role,
      bureau: claims.bureau,
      visibleBureaus: await this.bureaus.subtree(claims.bureau),
    };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(claims.role)) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: `此操作仅限角色：${roles.join('、')}` });
    }
    return true;
  }

  private async claimsOf(request: AuthenticatedRequest): Promise<TokenClaims> {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') {
      const user = await this.apiKeys.authenticate(apiKey);
      if (!user) throw new UnauthorizedException({ code: 'UNAUTHORIZED', message: 'API 密钥无效或已吊销' });
      return { sub: user.username, role: user.role, bureau: user.bureau };
    }
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ code: 'UNAUTHORIZED', message: '缺少访问令牌' });
    }
    try {
      return await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException({ code: 'UNAUTHORIZED', message: '访问令牌无效或已过期' });
    }
  }
}
