import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { METRICS_COMMANDS, type CommandMessage, type ScoreItemCommand, type ScorecardQuery } from '#libs/contracts';
import { ScorecardService } from './scorecard.service.js';

@Controller()
export class ScorecardHandlers {
  constructor(private readonly scorecard: ScorecardService) {}

  @MessagePattern(METRICS_COMMANDS.scorecard)
  get(@Payload() msg: CommandMessage<ScorecardQuery>) {
    return this.scorecard.scorecard(msg);
  }

  @MessagePattern(METRICS_COMMANDS.scoreItem)
  score(@Payload() msg: CommandMessage<ScoreItemCommand & { bureau: string; bureaus: string[] }>) {
    return this.scorecard.scoreItem(msg);
  }
}
