import type { FastifyReply } from 'fastify';
import type { XlsxReply } from '#libs/contracts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook built by the metrics service as a download. */
export function sendXlsx(reply: FastifyReply, file: XlsxReply): Buffer {
  void reply.header('Content-Type', XLSX).header('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
  return Buffer.from(file.base64, 'base64');
}
