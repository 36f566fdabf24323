import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ScopedActor } from '#libs/contracts';

/** Who is asking and under which request id: passed with every command. */
export interface RequestContext {
  actor: ScopedActor;
  requestId: string;
}

export type AuthenticatedRequest = FastifyRequest & { actor?: ScopedActor };

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('Ctx used on a public route');
  return { actor: request.actor, requestId: String(request.id) };
});
