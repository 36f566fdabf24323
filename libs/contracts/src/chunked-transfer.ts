/**
 * Wire shapes of the chunked transfer between the gateway and a service. NATS carries at most
 * 1 MB per message and base64 grows bytes by a third, so files travel in parts of 512 KB.
 */
export const TRANSFER_PART_BYTES = 512 * 1024;

/** 128 parts = 64 MB: above every file limit of the suite, below what a service should hold. */
export const MAX_TRANSFER_PARTS = 128;

export const uploadPartPattern = (service: string) => `${service}.upload_part`;
export const downloadPartPattern = (service: string) => `${service}.download_part`;
export const discardUploadPattern = (service: string) => `${service}.upload_discard`;

/** `<svc>.upload_discard`: the final command was refused, so its parts go at once. */
export interface DiscardUploadCommand {
  uploadId: string;
}

/** `<svc>.upload_part`: one part of a file the final command will reference by `uploadId`. */
export interface UploadPartCommand {
  uploadId: string;
  index: number;
  dataBase64: string;
}

/** What the final command carries instead of the file: the parts to assemble. */
export interface ChunkedUpload {
  uploadId: string;
  parts: number;
}

/** A reply too large for one message is left in parts for `<svc>.download_part`; a small one comes inline. */
export type ChunkedReply = { inlineBase64: string } | { downloadId: string; parts: number; size: number };

/** `<svc>.download_part`: the part is handed over once and then deleted. */
export interface DownloadPartCommand {
  downloadId: string;
  index: number;
}
