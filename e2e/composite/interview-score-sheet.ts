import ExcelJS from 'exceljs';

/**
 * An interview-score sheet as the org's staff fill in the template (IVW-08, INT-09d): ticket
 * number, structured score, professional score, absent mark; answered as the .xlsx bytes.
 */
export async function interviewScoreSheet(rows: Array<Array<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('面试成绩');
  ws.addRow(['准考证号', '结构化面试成绩', '专业面试成绩', '缺考']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The upload's file, as the browser's file input takes it. */
export const xlsxFile = (name: string, buffer: Buffer) => ({
  name,
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer,
});
