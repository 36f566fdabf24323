import ExcelJS from 'exceljs';
import type { FiguresReply, IndicatorItemView, ItemsReply, XlsxReply } from '#libs/contracts';

const STATUS_ZH: Record<IndicatorItemView['status'], string> = { on_time: '按时', late: '超期办理', missing: '未办理/不利' };
const yesNo = (v: boolean | null) => (v === null ? '—' : v ? '达标' : '未达标');

async function toReply(workbook: ExcelJS.Workbook, filename: string): Promise<XlsxReply> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { filename, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}

function header(sheet: ExcelJS.Worksheet, columns: [string, string, number][]): void {
  sheet.columns = columns.map(([key, header, width]) => ({ key, header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The indicator table as shown on screen, one row per indicator (and per breakdown group). */
export async function figuresWorkbook(reply: FiguresReply): Promise<XlsxReply> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('考核指标');
  header(sheet, [
    ['group', '分组', 14],
    ['code', '编号', 8],
    ['name', '指标', 34],
    ['numerator', '分子', 8],
    ['denominator', '分母', 8],
    ['value', '值', 8],
    ['comparator', '比较', 6],
    ['threshold', '阈值', 8],
    ['met', '是否达标', 10],
    ['lateBudget', '可容超期数', 10],
    ['sample', '样本', 10],
  ]);
  const groups = [{ key: '合计', items: reply.items }, ...(reply.breakdown?.groups ?? [])];
  for (const g of groups) {
    for (const r of g.items) {
      sheet.addRow({
        group: g.key,
        code: r.code,
        name: r.name,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        comparator: r.comparator,
        threshold: r.threshold,
        met: yesNo(r.met),
        lateBudget: r.lateBudget ?? '不限',
        sample: r.belowMinimumSample ? `不足 ${r.minimumSample}` : '',
      });
    }
  }
  return toReply(workbook, `indicators_${reply.bureau}_${reply.from}_${reply.to}.xlsx`);
}

/** A drill-down list: exactly the records the figure counted. */
export async function itemsWorkbook(reply: ItemsReply, bureau: string): Promise<XlsxReply> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`指标${reply.code}明细`);
  header(sheet, [
    ['id', '编号', 40],
    ['kind', '类型', 10],
    ['bureau', '机构', 8],
    ['channel', '来源', 18],
    ['officer', '承办人', 12],
    ['dueDate', '期限', 12],
    ['doneDate', '办理日期', 12],
    ['status', '状态', 12],
    ['clock', '时限说明', 44],
  ]);
  for (const i of reply.items) sheet.addRow({ ...i, status: STATUS_ZH[i.status] });
  return toReply(workbook, `indicator_${reply.code}_${bureau}_${reply.from}_${reply.to}.xlsx`);
}
