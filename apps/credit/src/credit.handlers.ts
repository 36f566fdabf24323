import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type {
  CommandMessage,
  CreditQueryCommand,
  CreditRecordCommand,
  CreditRepairCommand,
  InspectionDrawCommand,
  InspectionPolicyCommand,
  ListCreditRepairsQueryDto,
  ListEntryCommand,
  ListOperatorsQueryDto,
  ListRemovalCommand,
  OperatorRef,
  RegisterOperatorDto,
  RepairDecisionCommand,
  UpdateOperatorCommand,
} from '#libs/contracts';
import { drawWorkbook } from './inspections/draw-workbook.js';
import { InspectionsService } from './inspections/inspections.service.js';
import { OperatorsService } from './operators/operators.service.js';
import { requireRole } from './common/credit-command.js';
import { RecordService } from './record/record.service.js';
import { RegradeSweep } from './record/regrade-sweep.js';
import { RepairsService } from './repairs/repairs.service.js';
import { DemoSeedService } from './seed/demo-seed.service.js';

/** Gateway commands (`credit.<verb>`): translate and delegate only. */
@Controller()
export class CreditHandlers {
  constructor(
    private readonly operators: OperatorsService,
    private readonly record: RecordService,
    private readonly repairs: RepairsService,
    private readonly inspections: InspectionsService,
    private readonly seed: DemoSeedService,
    private readonly sweep: RegradeSweep,
  ) {}

  @MessagePattern('credit.register_operator')
  registerOperator(@Payload() cmd: CommandMessage<RegisterOperatorDto>) {
    return this.operators.register(cmd);
  }

  @MessagePattern('credit.get_operator')
  getOperator(@Payload() cmd: CommandMessage<OperatorRef>) {
    return this.operators.get(cmd);
  }

  @MessagePattern('credit.list_operators')
  listOperators(@Payload() cmd: CommandMessage<ListOperatorsQueryDto>) {
    return this.operators.list(cmd);
  }

  @MessagePattern('credit.update_operator')
  updateOperator(@Payload() cmd: CommandMessage<UpdateOperatorCommand>) {
    return this.operators.update(cmd);
  }

  @MessagePattern('credit.get_credit')
  credit(@Payload() cmd: CommandMessage<CreditQueryCommand>) {
    return this.record.credit(cmd);
  }

  @MessagePattern('credit.enter_list')
  enterList(@Payload() cmd: CommandMessage<ListEntryCommand>) {
    return this.record.enterList(cmd);
  }

  @MessagePattern('credit.remove_from_list')
  removeFromList(@Payload() cmd: CommandMessage<ListRemovalCommand>) {
    return this.record.removeFromList(cmd);
  }

  @MessagePattern('credit.add_record')
  addRecord(@Payload() cmd: CommandMessage<CreditRecordCommand>) {
    return this.record.addRecord(cmd);
  }

  @MessagePattern('credit.request_repair')
  requestRepair(@Payload() cmd: CommandMessage<CreditRepairCommand>) {
    return this.repairs.request(cmd);
  }

  @MessagePattern('credit.list_repairs')
  listRepairs(@Payload() cmd: CommandMessage<OperatorRef>) {
    return this.repairs.list(cmd);
  }

  @MessagePattern('credit.repair_queue')
  repairQueue(@Payload() cmd: CommandMessage<ListCreditRepairsQueryDto>) {
    return this.repairs.queue(cmd);
  }

  @MessagePattern('credit.decide_repair')
  decideRepair(@Payload() cmd: CommandMessage<RepairDecisionCommand>) {
    return this.repairs.decide(cmd);
  }

  @MessagePattern('credit.get_policy')
  policy(@Payload() cmd: CommandMessage<{ bureau: string }>) {
    return this.inspections.policy(cmd);
  }

  @MessagePattern('credit.set_policy')
  setPolicy(@Payload() cmd: CommandMessage<InspectionPolicyCommand>) {
    return this.inspections.setPolicy(cmd);
  }

  @MessagePattern('credit.draw')
  draw(@Payload() cmd: CommandMessage<InspectionDrawCommand>) {
    return this.inspections.draw(cmd);
  }

  @MessagePattern('credit.get_draw')
  getDraw(@Payload() cmd: CommandMessage<{ id: string }>) {
    return this.inspections.getDraw(cmd);
  }

  /** The workbook travels base64-encoded: command replies are JSON. */
  @MessagePattern('credit.export_draw')
  async exportDraw(@Payload() cmd: CommandMessage<{ id: string }>) {
    const draw = await this.inspections.getDraw(cmd);
    return { filename: `draw-${draw.id}.xlsx`, base64: (await drawWorkbook(draw)).toString('base64') };
  }

  /** The daily regrade sweep, run now (admin): grades whose publication or window ended. */
  @MessagePattern('credit.regrade')
  regrade(@Payload() cmd: CommandMessage<Record<string, never>>) {
    requireRole(cmd, ['admin']);
    return this.sweep.sweep({ actor: cmd.actor, correlationId: cmd.requestId });
  }

  @MessagePattern('credit.seed_demo')
  seedDemo(@Payload() cmd: CommandMessage<{ count?: number }>) {
    return this.seed.seed(cmd);
  }
}
