import type { ProblemType } from './problems';

// Texts the problem center shows (ONL-01): reply templates for staff and the short knowledge base a
// candidate reads before filing a technical question, so the common answers need no case at all.

/** A reply template: a label for the picker and the text put into the reply box, edited before sending. */
export type ProblemReplyTemplate = { label: string; text: string; types?: readonly ProblemType[] };

// Default wording; a template without `types` fits every case type.
export const PROBLEM_REPLY_TEMPLATES: readonly ProblemReplyTemplate[] = [
  {
    label: '请补充材料',
    text: '您好，您提交的材料尚不足以作出认定，请补充上传相关证明材料（如户口簿、居住证、有关部门出具的证明）后再次提交。',
  },
  {
    label: '申诉通过',
    text: '您好，经核实，您的申诉理由成立，申诉已通过。请重新进入“笔试报名”提交报名。',
    types: ['greylist_appeal', 'hukou_appeal', 'residence_appeal'],
  },
  {
    label: '减免通过',
    text: '您好，经审核，您符合笔试费用减免条件，报名费已减免；如已缴费，将按原渠道退还。',
    types: ['fee_waiver'],
  },
  {
    label: '姓名变更通过',
    text: '您好，经核实，您的姓名已按申请变更，报名信息将使用新的姓名。',
    types: ['name_change'],
  },
  {
    label: '申诉未通过',
    text: '您好，经核实，您的申诉理由不成立，维持原认定。如有疑问，请致电市委组织部考录咨询电话。',
  },
  {
    label: '技术问题已解决',
    text: '您好，您反映的问题已处理，请清除浏览器缓存后重新登录再试。',
    types: ['technical'],
  },
];

/** One question and answer of the knowledge base (ONL-01e). */
export type ProblemKnowledgeItem = { question: string; answer: string };

// The questions support answers most often during a registration week.
export const PROBLEM_KNOWLEDGE_BASE: readonly ProblemKnowledgeItem[] = [
  {
    question: '收不到短信验证码怎么办？',
    answer:
      '每个手机号每天最多接收 5 条短信。请确认手机号填写正确、未开启短信拦截；当日已达上限的，请次日再试或联系技术支持解锁。',
  },
  {
    question: '照片上传失败怎么办？',
    answer:
      '报名照片须为 JPG 格式，大小和像素须符合公告要求（页面上会显示具体要求）。请用相机或图片工具按要求裁剪、压缩后重新上传。',
  },
  {
    question: '附件上传提示“格式不支持”？',
    answer:
      '仅支持 PDF、JPG、PNG 文件，系统按文件内容识别格式，仅修改文件扩展名无效。请用扫描软件另存为 PDF 或拍照保存为 JPG 后上传。',
  },
  {
    question: '页面显示异常或按钮无反应？',
    answer:
      '请使用最新版本的 Chrome、Edge、Firefox 或手机自带浏览器，清除缓存后刷新页面；仍有问题的，请在下方提交技术问题并附上截图。',
  },
  {
    question: '忘记密码怎么办？',
    answer: '在登录页点击“忘记密码”，通过注册手机号接收验证码重置密码。',
  },
];
