import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `page` / `pageSize` of a list route, from the query string. */
export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** A work queue (`GET …/queue`): one assignee's items or the whole bureau's, optionally only the reminders. */
export class WorkQueueQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  assignee?: string;

  /** `true`: only due within 3 working days or overdue (the reminder list). */
  @IsOptional()
  @IsIn(['true', 'false'])
  remindersOnly?: 'true' | 'false';
}
