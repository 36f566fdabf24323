import { Logger } from '@nestjs/common';

export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function defaultLogger(context: string): MessagingLogger {
  const l = new Logger(context);
  return { log: (m) => l.log(m), warn: (m) => l.warn(m), error: (m) => l.error(m) };
}
