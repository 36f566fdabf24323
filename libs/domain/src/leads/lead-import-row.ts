import { isLocalDate, localDateOf, type Instant, type LocalDate } from '#libs/clock';
import { isValidUscc, normaliseUscc } from '../operators/uscc.js';

/** Columns of the national platform's distributed monitoring items, in file order. */
export const LEAD_IMPORT_COLUMNS = [
  'platformItemId',
  'title',
  'subjectUscc',
  'subjectName',
  'platform',
  'storeUrl',
  'receivedAt',
  'platformDueDate',
  'description',
] as const;
export type LeadImportColumn = (typeof LEAD_IMPORT_COLUMNS)[number];

export type RawImportRow = Partial<Record<LeadImportColumn, string>>;

export interface ImportRowProblem {
  /** 1-based data row number as the user sees it in the file (header = row 1). */
  row: number;
  field: LeadImportColumn | 'row';
  code: string;
  message: string;
}

export interface ImportedItem {
  row: number;
  platformItemId: string;
  title: string;
  subject: { uscc?: string; name?: string; platform?: string; storeUrl?: string };
  receivedAt: string;
  platformDueDate?: LocalDate;
  description?: string;
}

const LIMITS: Partial<Record<LeadImportColumn, number>> = {
  platformItemId: 64,
  title: 200,
  subjectName: 200,
  platform: 100,
  storeUrl: 500,
  description: 4000,
};

const INSTANT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The receipt instant and its local date: a bare date means the start of that local day
 * (Asia/Shanghai), and is then its own local date without another conversion.
 */
function parseReceivedAt(value: string): { iso: string; ms: number; localDate: LocalDate } | undefined {
  if (!INSTANT.test(value) || !isLocalDate(value.slice(0, 10))) return undefined;
  if (value.length === 10) {
    const ms = Date.parse(`${value}T00:00:00+08:00`);
    return { iso: new Date(ms).toISOString(), ms, localDate: value };
  }
  const withOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value.replace(' ', 'T')}+08:00`;
  const ms = Date.parse(withOffset);
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  return { iso: date.toISOString(), ms, localDate: localDateOf(date) };
}

/**
 * Validates one row of a bulk import; every problem of the row is reported, not just the first.
 * `now` bounds the receipt date (never in the future).
 */
export function parseImportRow(raw: RawImportRow, row: number, now: Instant): { item?: ImportedItem; problems: ImportRowProblem[] } {
  const problems: ImportRowProblem[] = [];
  const problem = (field: ImportRowProblem['field'], code: string, message: string) => problems.push({ row, field, code, message });
  const text = (field: LeadImportColumn): string | undefined => {
    const value = raw[field]?.trim();
    if (!value) return undefined;
    const limit = LIMITS[field];
    if (limit && value.length > limit) problem(field, 'maxLength', `${field}：长度不能超过 ${limit}`);
    return value;
  };
  const platformItemId = text('platformItemId');
  if (!platformItemId) problem('platformItemId', 'isNotEmpty', 'platformItemId：平台信息编号必填');
  const title = text('title');
  if (!title) problem('title', 'isNotEmpty', 'title：标题必填');
  let uscc = text('subjectUscc');
  if (uscc) {
    uscc = normaliseUscc(uscc);
    if (!isValidUscc(uscc)) problem('subjectUscc', 'isUscc', 'subjectUscc：统一社会信用代码校验位错误');
  }
  const name = text('subjectName');
  const platform = text('platform');
  const storeUrl = text('storeUrl');
  if (!uscc && !name && !storeUrl) problem('subjectName', 'subjectRequired', 'subjectName：须填写统一社会信用代码、主体名称或店铺网址之一');
  const receivedText = text('receivedAt');
  let received: ReturnType<typeof parseReceivedAt>;
  if (!receivedText) problem('receivedAt', 'isNotEmpty', 'receivedAt：接收时间必填');
  else {
    received = parseReceivedAt(receivedText);
    if (!received) problem('receivedAt', 'isISO8601', 'receivedAt：须为 YYYY-MM-DD 或 ISO-8601 时间');
    else if (received.localDate > localDateOf(now) || received.ms > new Date(now).getTime()) {
      problem('receivedAt', 'notInFuture', 'receivedAt：不能晚于当前时间');
    }
  }
  const platformDueDate = text('platformDueDate');
  if (platformDueDate && !isLocalDate(platformDueDate)) problem('platformDueDate', 'isLocalDate', 'platformDueDate：须为 YYYY-MM-DD 日期');
  else if (platformDueDate && received && platformDueDate < received.localDate) {
    problem('platformDueDate', 'beforeReceipt', 'platformDueDate：不能早于接收日期');
  }
  const description = text('description');
  if (problems.length > 0) return { problems };
  return {
    problems,
    item: {
      row,
      platformItemId: platformItemId!,
      title: title!,
      subject: { ...(uscc ? { uscc } : {}), ...(name ? { name } : {}), ...(platform ? { platform } : {}), ...(storeUrl ? { storeUrl } : {}) },
      receivedAt: received!.iso,
      ...(platformDueDate ? { platformDueDate } : {}),
      ...(description ? { description } : {}),
    },
  };
}
