import ExcelJS from 'exceljs';
import { ValidationError } from '#libs/domain';
import { parseCsv } from './csv.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel stores a typed date as its wall-clock time in a UTC Date; we keep that wall-clock text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    return h || m || s ? `${date}T${pad(h)}:${pad(m)}:${pad(s)}` : date;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

function isXlsx(filename: string, bytes: Buffer): boolean {
  // A ZIP container (PK\x03\x04) whatever the name says; CSV otherwise.
  return filename.toLowerCase().endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}

export interface SheetRow {
  /** Row number as the user sees it in the file (header = 1). */
  row: number;
  values: string[];
}

/** The sheet's non-blank rows as text, header row first (CSV in UTF-8, or the first worksheet of an XLSX). */
export async function readSheet(filename: string, bytes: Buffer): Promise<SheetRow[]> {
  if (!isXlsx(filename, bytes)) {
    return parseCsv(bytes.toString('utf8'))
      .map((values, i) => ({ row: i + 1, values: values.map((v) => v.trim()) }))
      .filter((r) => r.values.some((v) => v !== ''));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw ValidationError.field('file', 'unreadableFile', 'file：无法读取的 XLSX 文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  // exceljs recounts every row for columnCount: read it once, not once per cell.
  const columnCount = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let c = 1; c <= columnCount; c++) values.push(cellText(row.getCell(c).value).trim());
    if (values.some((v) => v !== '')) rows.push({ row: rowNumber, values });
  });
  return rows;
}

export async function writeXlsx(sheetName: string, header: string[], rows: (string | number | boolean | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
