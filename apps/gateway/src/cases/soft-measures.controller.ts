import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SoftMeasureDto } from '#libs/contracts';
import { isValidUscc, normaliseUscc, ValidationError } from '#libs/domain';
import { Roles } from '../auth/auth.decorators.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';

/** 柔性执法措施 (行政指导, 约谈, 提醒告诫, 警示通报); recorded by the cases service. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/soft-measures')
export class SoftMeasuresController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('officer', 'supervisor')
  record(@Body() dto: SoftMeasureDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.record_soft_measure', ctx, dto);
  }

  @Get()
  @Roles('officer', 'supervisor')
  list(@Query('operatorUscc') operatorUscc: string | undefined, @Ctx() ctx: RequestContext) {
    if (typeof operatorUscc !== 'string' || !isValidUscc(normaliseUscc(operatorUscc))) {
      throw new ValidationError('INVALID_USCC', 'operatorUscc：统一社会信用代码无效', [{ field: 'operatorUscc', code: 'isUscc', message: '统一社会信用代码无效' }]);
    }
    return this.commands.send('cases.list_soft_measures', ctx, { operatorUscc });
  }
}
