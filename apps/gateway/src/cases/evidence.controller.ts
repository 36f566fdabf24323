import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { EvidenceMetaDto } from '#libs/contracts';
import { ValidationError } from '#libs/domain';
import { Roles } from '../auth/auth.decorators.js';
import { sendWithUpload } from '../common/chunked-transfer.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { createValidationPipe } from '../common/validation.pipe.js';
import { EVIDENCE_MAX_BYTES } from './multipart.js';

interface UploadedFile {
  content: Buffer;
  fileName: string;
  mimeType: string;
}

function fileProblem(code: string, message: string): ValidationError {
  return ValidationError.field('file', code, `file：${message}`);
}

/** 电子数据 upload and verified read. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases/:id/evidence')
export class EvidenceController {
  private readonly validation = createValidationPipe();

  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RouteConfig({ multipart: true })
  @ApiConsumes('multipart/form-data')
  @Roles('officer', 'supervisor')
  async add(@Param('id') id: string, @Req() request: FastifyRequest, @Ctx() ctx: RequestContext) {
    const { fields, file } = await this.readMultipart(request);
    const meta = (await this.validation.transform(fields, { type: 'body', metatype: EvidenceMetaDto })) as EvidenceMetaDto;
    if (!file) throw fileProblem('isDefined', '必须上传文件');
    if (file.content.length === 0) throw fileProblem('EMPTY_FILE', '文件为空');
    return sendWithUpload<{ id: string; sha256: string }, object>(this.commands, 'cases', ctx, file.content, 'cases.add_evidence', (upload) => ({
      ...meta,
      id,
      upload,
      fileName: file.fileName,
      mimeType: file.mimeType,
    }));
  }

  @Get(':evidenceId')
  @Roles('officer', 'supervisor')
  get(@Param('id') caseId: string, @Param('evidenceId') evidenceId: string, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.get_evidence', ctx, { caseId, evidenceId });
  }

  private async readMultipart(request: FastifyRequest): Promise<{ fields: Record<string, string>; file?: UploadedFile }> {
    if (!request.isMultipart()) throw fileProblem('NOT_MULTIPART', '须以 multipart/form-data 上传');
    const fields: Record<string, string> = {};
    let file: UploadedFile | undefined;
    try {
      for await (const part of request.parts({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10 } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') throw fileProblem('UNKNOWN_FILE_FIELD', `未知的文件字段 ${part.fieldname}`);
          file = { content: await part.toBuffer(), fileName: part.filename || 'evidence', mimeType: part.mimetype || 'application/octet-stream' };
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileProblem('FILE_TOO_LARGE', `文件不能超过 ${EVIDENCE_MAX_BYTES} 字节`);
      if (code === 'FST_FILES_LIMIT') throw fileProblem('TOO_MANY_FILES', '只能上传一个文件');
      throw fileProblem('INVALID_MULTIPART', '上传内容无法解析');
    }
    return { fields, ...(file ? { file } : {}) };
  }
}
