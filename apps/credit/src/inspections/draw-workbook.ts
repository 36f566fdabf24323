import ExcelJS from 'exceljs';
import type { InspectionDrawView } from '#libs/contracts';

const GRADE_LABEL = { A: 'A（低风险）', B: 'B（一般风险）', C: 'C（较高风险）', D: 'D（高风险）' } as const;

/** The draw as a spreadsheet for 一公开: who is checked, by whom, and the seed that reproduces it. */
export async function drawWorkbook(draw: InspectionDrawView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('抽查结果');
  sheet.columns = [
    { header: '序号', key: 'no', width: 8 },
    { header: '统一社会信用代码', key: 'uscc', width: 24 },
    { header: '经营者名称', key: 'name', width: 36 },
    { header: '风险等级', key: 'grade', width: 16 },
    { header: '执法检查人员一', key: 'first', width: 18 },
    { header: '执法检查人员二', key: 'second', width: 18 },
  ];
  draw.items.forEach((item, i) => {
    sheet.addRow({ no: i + 1, uscc: item.uscc, name: item.name, grade: GRADE_LABEL[item.grade], first: item.inspectors[0], second: item.inspectors[1] });
  });
  const about = book.addWorksheet('抽查说明');
  about.addRows([
    ['抽查任务', draw.campaign],
    ['实施机关', draw.bureau],
    ['抽取时间', draw.drawnAt],
    ['随机种子', draw.seed],
    ...(['A', 'B', 'C', 'D'] as const).map((g) => [`${GRADE_LABEL[g]} 抽取`, `${draw.perGrade[g].drawn} / ${draw.perGrade[g].population}（比例 ${(draw.perGrade[g].ratio * 100).toFixed(1)}%）`]),
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
