import type { PageTableColumn } from '@/shared/page-table';
import type { BrowsePages } from './interviews.api';

// Columns of the browse lists (IVW-03); names and ID numbers arrive masked from the server.

// The row type of each list, from the API's page types.
type Row<K extends keyof BrowsePages> = BrowsePages[K]['items'][number];
const yes = (v: boolean) => (v ? '是' : '否');

/** Candidates: masked name and ID number, the position and whether psych data was imported. */
export const candidateColumns: PageTableColumn<Row<'candidates'>>[] = [
  { prop: 'ticketNumber', label: '准考证号', width: 130 },
  { prop: 'name', label: '姓名', width: 90 },
  { prop: 'idNumber', label: '身份证号', width: 190 },
  { prop: 'gender', label: '性别', width: 60, format: (r) => r.gender ?? '' },
  { prop: 'positionCode', label: '职位代码', width: 100 },
  { prop: 'positionTitle', label: '职位名称', minWidth: 140 },
  { prop: 'unitName', label: '单位', minWidth: 160 },
  { prop: 'hasPsych', label: '心理测评', width: 90, format: (r) => (r.hasPsych ? '已导入' : '无') },
];

/** Positions with the group that keeps them and their candidate count. */
export const positionColumns: PageTableColumn<Row<'positions'>>[] = [
  { prop: 'code', label: '职位代码', width: 110 },
  { prop: 'title', label: '职位名称', minWidth: 140 },
  { prop: 'unitName', label: '单位', minWidth: 160 },
  { prop: 'major', label: '专业', width: 120, format: (r) => r.major ?? '' },
  { prop: 'groupName', label: '面试组', width: 110, format: (r) => r.groupName ?? '未分组' },
  { prop: 'candidates', label: '考生数', width: 80 },
];

/** Examiners: capabilities as 是 / 否, and how many conflicts they declared. */
export const examinerColumns: PageTableColumn<Row<'examiners'>>[] = [
  { prop: 'code', label: '编号', width: 100 },
  { prop: 'name', label: '姓名', width: 90 },
  { prop: 'unitName', label: '单位', minWidth: 160 },
  { prop: 'district', label: '区', width: 100, format: (r) => r.district ?? '' },
  { prop: 'chiefCapable', label: '可任主考官', width: 100, format: (r) => yes(r.chiefCapable) },
  {
    prop: 'professionalCapable',
    label: '可任专业考官',
    width: 110,
    format: (r) => yes(r.professionalCapable),
  },
  { prop: 'fixed', label: '固定考官', width: 90, format: (r) => yes(r.fixed) },
  { prop: 'conflicts', label: '回避项', width: 80 },
];

/** The recruitment event's brochure, marking the positions interviewed in this event. */
export const brochureColumns: PageTableColumn<Row<'brochure'>>[] = [
  { prop: 'code', label: '职位代码', width: 110 },
  { prop: 'title', label: '职位名称', minWidth: 140 },
  { prop: 'unitName', label: '单位', minWidth: 160 },
  { prop: 'headcount', label: '招录人数', width: 90 },
  {
    prop: 'interviewed',
    label: '本次面试',
    width: 90,
    format: (r) => (r.interviewed ? '是' : '否'),
  },
];
