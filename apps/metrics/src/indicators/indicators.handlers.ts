import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  METRICS_COMMANDS,
  type CommandMessage,
  type FiguresQuery,
  type IndicatorScope,
  type ItemsQuery,
  type RebuildReply,
  type SetConfigCommand,
  type XlsxReply,
} from '#libs/contracts';
import { ProjectionReplayService } from '../projection/projection-replay.service.js';
import { figuresWorkbook, itemsWorkbook } from './indicators-workbook.js';
import { IndicatorsService } from './indicators.service.js';

@Controller()
export class IndicatorsHandlers {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly replay: ProjectionReplayService,
  ) {}

  @MessagePattern(METRICS_COMMANDS.figures)
  figures(@Payload() msg: CommandMessage<FiguresQuery>) {
    return this.indicators.figures(msg);
  }

  @MessagePattern(METRICS_COMMANDS.items)
  items(@Payload() msg: CommandMessage<ItemsQuery>) {
    return this.indicators.items(msg);
  }

  @MessagePattern(METRICS_COMMANDS.exportFigures)
  async exportFigures(@Payload() msg: CommandMessage<FiguresQuery>): Promise<XlsxReply> {
    return figuresWorkbook(await this.indicators.figures(msg));
  }

  @MessagePattern(METRICS_COMMANDS.exportItems)
  async exportItems(@Payload() msg: CommandMessage<ItemsQuery>): Promise<XlsxReply> {
    return itemsWorkbook(await this.indicators.allItems(msg), msg.data.bureau);
  }

  @MessagePattern(METRICS_COMMANDS.forecast)
  forecast(@Payload() msg: CommandMessage<IndicatorScope>) {
    return this.indicators.forecast(msg);
  }

  @MessagePattern(METRICS_COMMANDS.listConfig)
  listConfig(@Payload() msg: CommandMessage<unknown>) {
    return this.indicators.listConfig(msg);
  }

  @MessagePattern(METRICS_COMMANDS.setConfig)
  setConfig(@Payload() msg: CommandMessage<SetConfigCommand>) {
    return this.indicators.setConfig(msg);
  }

  @MessagePattern(METRICS_COMMANDS.rebuild)
  rebuild(@Payload() msg: CommandMessage<unknown>): Promise<RebuildReply> {
    return this.replay.rebuild(msg.actor, msg.requestId);
  }
}
