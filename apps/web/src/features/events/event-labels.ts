// zh-CN labels of the issue 6 enums for the web, checked against @kaolu/contracts' types (type-only import).
import type { BrochureStatus, ListKind, NoticeKind, NoticeStatus, PositionStatus, StageKey } from '@kaolu/contracts';
import type { TagType } from '@/shared/labels';

export const stageLabels = {
  brochure: '简章征集', exam_registration: '笔试报名', payment: '缴费', admission_ticket: '准考证打印', written_exam: '笔试',
  position_application: '职位报名', unit_review: '资格审查', adjustment: '调剂', interview: '面试', physical_exam: '体检',
  inspection: '考察', public_notice: '公示',
} as const satisfies Record<StageKey, string>;

export const brochureStatusLabels = {
  filling: '填报中', submitted: '已上报', returned: '已退回', approved: '审核通过', published: '已发布',
} as const satisfies Record<BrochureStatus, string>;
export const brochureStatusTypes: Partial<Record<BrochureStatus, TagType>> = { submitted: 'warning', returned: 'danger', approved: 'primary', published: 'success' };

export const positionStatusLabels = {
  draft: '填报中', submitted: '已上报', approved: '已审核', published: '已发布', withdrawn: '已撤销',
} as const satisfies Record<PositionStatus, string>;

export const noticeKindLabels = { announcement: '公告', interview: '面试通知', recheck: '体检复检通知' } as const satisfies Record<NoticeKind, string>;
export const noticeStatusLabels = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const satisfies Record<NoticeStatus, string>;
export const listKindLabels = { whitelist: '白名单', greylist: '灰名单' } as const satisfies Record<ListKind, string>;

export const educationLabels = { high_school: '高中', junior_college: '大专', bachelor: '本科', master: '研究生', doctor: '博士研究生' } as const;
export const residenceLabels = { any: '不限', shanghai_hukou: '本市户籍', hukou_or_permit: '本市户籍或持有本市居住证' } as const;

/** Reads a picked file as base64 for the Excel upload endpoints (the http client speaks JSON). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
