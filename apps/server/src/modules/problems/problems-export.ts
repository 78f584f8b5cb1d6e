import {
  PROBLEM_ROLE_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_TYPE_LABELS,
  type StaffProblemSummary,
} from '@kaolu/contracts';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/excel/excel-cells';

/**
 * The problem queue as an .xlsx workbook (ONL-01): labels in Chinese, names masked as on screen,
 * every text cell guarded against formula injection (a title is typed by the candidate).
 */
export async function problemWorkbook(rows: readonly StaffProblemSummary[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('报名问题');
  sheet.columns = [
    { header: '问题编号', key: 'caseNumber', width: 22 },
    { header: '类型', key: 'type', width: 20 },
    { header: '状态', key: 'status', width: 12 },
    { header: '标题', key: 'title', width: 36 },
    { header: '考生', key: 'candidate', width: 10 },
    { header: '招录事项', key: 'event', width: 28 },
    { header: '负责部门', key: 'role', width: 14 },
    { header: '处理人', key: 'assignee', width: 14 },
    { header: '提交时间', key: 'submittedAt', width: 24 },
    { header: '答复期限', key: 'dueAt', width: 24 },
    { header: '是否超期', key: 'overdue', width: 10 },
    { header: '首次答复', key: 'firstAnsweredAt', width: 24 },
  ];
  // One row per case, in the queue's order (due soonest first).
  for (const r of rows) {
    sheet.addRow({
      caseNumber: safeCell(r.caseNumber),
      type: PROBLEM_TYPE_LABELS[r.type],
      status: PROBLEM_STATUS_LABELS[r.status],
      title: safeCell(r.title),
      candidate: safeCell(r.candidateNameMasked),
      event: safeCell(r.eventName),
      role: PROBLEM_ROLE_LABELS[r.responsibleRole],
      assignee: safeCell(r.assigneeName),
      submittedAt: safeCell(r.submittedAt),
      dueAt: safeCell(r.dueAt),
      overdue: safeCell(r.overdue),
      firstAnsweredAt: safeCell(r.firstAnsweredAt),
    });
  }
  // Bold headers, as the other exports of the back office.
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
