const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); a UTF-8 BOM from Excel is dropped.
 * Unquoted fields are sliced whole rather than built a character at a time: an import reads
 * hundreds of thousands of rows.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const end = input.length;
  let row: string[] = [];
  let i = 0;
  while (i < end) {
    let field: string;
    if (input.charCodeAt(i) === QUOTE) {
      field = '';
      let from = i + 1;
      for (;;) {
        const close = input.indexOf('"', from);
        if (close === -1) {
          field += input.slice(from);
          i = end;
          break;
        }
        field += input.slice(from, close);
        if (input.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      // Text after the closing quote belongs to the same field (lenient, as before).
      const start = i;
      while (i < end && !isDelimiter(input.charCodeAt(i))) i++;
      field += input.slice(start, i);
    } else {
      const start = i;
      while (i < end && !isDelimiter(input.charCodeAt(i))) i++;
      field = input.slice(start, i);
    }
    row.push(field);
    if (i >= end) break;
    const c = input.charCodeAt(i);
    i++;
    if (c === COMMA) {
      if (i === end) row.push('');
      continue;
    }
    if (c === CR && input.charCodeAt(i) === LF) i++;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}
