import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '#libs/domain';

/** Largest import file (CSV/XLSX) the gateway accepts. */
export const LEAD_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** Registers @fastify/multipart once on the shared fastify instance (another feature may have done it). */
export async function ensureLeadMultipart(fastify: FastifyInstance): Promise<void> {
  if (fastify.hasContentTypeParser('multipart/form-data')) return;
  await fastify.register(multipart, { limits: { fileSize: LEAD_IMPORT_MAX_BYTES } });
}

const fileProblem = (code: string, message: string) => ValidationError.field('file', code, `file：${message}`);

/** The one `file` part of an import upload. */
export async function readImportFile(request: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  if (!request.isMultipart()) throw fileProblem('NOT_MULTIPART', '须以 multipart/form-data 上传');
  let found: { filename: string; content: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: LEAD_IMPORT_MAX_BYTES, files: 1, fields: 5 } })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') throw fileProblem('UNKNOWN_FILE_FIELD', `未知的文件字段 ${part.fieldname}`);
      found = { filename: part.filename || 'import.csv', content: await part.toBuffer() };
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileProblem('FILE_TOO_LARGE', `文件不能超过 ${LEAD_IMPORT_MAX_BYTES} 字节`);
    if (code === 'FST_FILES_LIMIT') throw fileProblem('TOO_MANY_FILES', '只能上传一个文件');
    throw fileProblem('INVALID_MULTIPART', '上传内容无法解析');
  }
  if (!found) throw fileProblem('isDefined', '必须上传文件');
  if (found.content.length === 0) throw fileProblem('EMPTY_FILE', '文件为空');
  return found;
}
