import { ValidationError } from '#libs/domain';
import { MAX_TRANSFER_PARTS, TRANSFER_PART_BYTES } from '#libs/contracts';

/** The file cut into consecutive parts of at most `partBytes` (an empty file has no part). */
export function splitIntoParts(bytes: Buffer, partBytes = TRANSFER_PART_BYTES): Buffer[] {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += partBytes) parts.push(bytes.subarray(offset, offset + partBytes));
  return parts;
}

const incomplete = (field: string) => ValidationError.field(field, 'UPLOAD_INCOMPLETE', `${field}：文件上传不完整，请重新上传`);

/**
 * Puts received parts back in order. Every index from 0 to `expected - 1` must be there exactly
 * once: a missing part would silently truncate the file, which is worse than refusing it.
 */
export function joinParts(parts: { index: number; data: Buffer }[], expected: number, maxBytes: number, field = 'file'): Buffer {
  if (!Number.isInteger(expected) || expected < 1 || expected > MAX_TRANSFER_PARTS || parts.length !== expected) throw incomplete(field);
  const ordered = [...parts].sort((a, b) => a.index - b.index);
  if (ordered.some((p, i) => p.index !== i)) throw incomplete(field);
  const size = ordered.reduce((sum, p) => sum + p.data.length, 0);
  if (size > maxBytes) throw ValidationError.field(field, 'FILE_TOO_LARGE', `${field}：文件不能超过 ${maxBytes} 字节`);
  return Buffer.concat(ordered.map((p) => p.data));
}
