import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested, ArrayMaxSize } from 'class-validator';
import { IsLocalDate } from './validators.js';

export class WorkingDaysQueryDto {
  @IsLocalDate()
  from: string;

  @IsLocalDate()
  to: string;
}

export class AddPeriodQueryDto {
  @IsLocalDate()
  from: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  days: number;

  @IsOptional()
  @IsIn(['working', 'calendar'])
  kind?: 'working' | 'calendar';
}

export class CalendarHolidayDto {
  @IsLocalDate()
  date: string;

  @IsString()
  @MaxLength(50)
  name: string;
}

export class CalendarWorkdayDto {
  @IsLocalDate()
  date: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

/** An admin's calendar for one year, replacing the shipped data for that year. */
export class PutCalendarYearDto {
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarHolidayDto)
  holidays: CalendarHolidayDto[];

  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarWorkdayDto)
  workdays: CalendarWorkdayDto[];
}
