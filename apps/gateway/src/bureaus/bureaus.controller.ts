import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BureausService } from './bureaus.service.js';

@ApiTags('bureaus')
@ApiBearerAuth()
@Controller('api/v1/bureaus')
export class BureausController {
  constructor(private readonly bureaus: BureausService) {}

  @Get()
  async list() {
    return { items: (await this.bureaus.tree()).all() };
  }
}
