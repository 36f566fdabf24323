import { Controller, Module, type DynamicModule, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '#libs/contracts';
import {
  discardUploadPattern,
  downloadPartPattern,
  uploadPartPattern,
  type DiscardUploadCommand,
  type DownloadPartCommand,
  type UploadPartCommand,
} from '#libs/contracts';
import { ChunkedTransfers } from './chunked-transfers.js';

/** The part handlers of one service: the patterns carry the service name. */
function createChunkedTransferHandlers(service: string): Type<unknown> {
  @Controller()
  class ChunkedTransferHandlers {
    constructor(private readonly transfers: ChunkedTransfers) {}

    @MessagePattern(uploadPartPattern(service))
    uploadPart(@Payload() cmd: CommandMessage<UploadPartCommand>) {
      return this.transfers.receivePart(cmd.actor.username, cmd.data);
    }

    @MessagePattern(discardUploadPattern(service))
    discardUpload(@Payload() cmd: CommandMessage<DiscardUploadCommand>) {
      return this.transfers.discardUpload(cmd.actor.username, cmd.data?.uploadId);
    }

    @MessagePattern(downloadPartPattern(service))
    downloadPart(@Payload() cmd: CommandMessage<DownloadPartCommand>) {
      return this.transfers.downloadPart(cmd.actor.username, cmd.data?.downloadId, cmd.data?.index);
    }
  }
  return ChunkedTransferHandlers;
}

/**
 * Files larger than one NATS message, in and out: a service imports
 * `ChunkedTransferModule.register('<svc>')` and calls createTransferTables in a migration.
 */
@Module({})
export class ChunkedTransferModule {
  static register(service: string): DynamicModule {
    return {
      module: ChunkedTransferModule,
      controllers: [createChunkedTransferHandlers(service)],
      providers: [ChunkedTransfers],
      exports: [ChunkedTransfers],
    };
  }
}
