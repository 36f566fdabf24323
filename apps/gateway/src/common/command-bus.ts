import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception.js';
import { firstValueFrom, timeout } from 'rxjs';
import { ERROR_CODES, type CommandMessage, type ErrorBody } from '#libs/contracts';
import { CommandClient, NATS_NAMES, type NatsNames } from '#libs/service-kit';
import { GatewayConfig } from '../gateway.config.js';
import { GatewayError } from './gateway-error.js';
import type { RequestContext } from './request-context.js';

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'code' in value && 'message' in value;
}

/**
 * Sends gateway commands to services over NATS request-reply, always with a timeout. A
 * service that does not answer becomes 503; its own errors pass through unchanged.
 */
@Injectable()
export class CommandBus implements OnModuleDestroy {
  private readonly client: CommandClient;

  constructor(
    private readonly config: GatewayConfig,
    @Inject(NATS_NAMES) names: NatsNames,
  ) {
    this.client = new CommandClient(names.commandPrefix, { servers: config.NATS_URL.split(',') });
  }

  async send<R, D = unknown>(pattern: string, ctx: RequestContext, data: D, timeoutMs = this.config.NATS_REQUEST_TIMEOUT_MS): Promise<R> {
    const message: CommandMessage<D> = { actor: ctx.actor, requestId: ctx.requestId, data };
    try {
      return await firstValueFrom(this.client.send<R, CommandMessage<D>>(pattern, message).pipe(timeout(timeoutMs)));
    } catch (error) {
      if (isErrorBody(error)) throw new GatewayError(error);
      const service = pattern.split('.')[0];
      // No service subscribed: the command reached nobody, so nothing was done.
      if (error instanceof EmptyResponseException) {
        throw GatewayError.of(503, ERROR_CODES.serviceUnavailable, `${service} 服务暂不可用，请稍后再试（未写入任何数据）`);
      }
      // Sent but not answered in time: the service may have done it (e.g. stopped right after its commit).
      throw GatewayError.of(503, ERROR_CODES.serviceUnavailable, `${service} 服务未及时应答，处理结果未知：请先查询确认，再决定是否重试`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }
}
