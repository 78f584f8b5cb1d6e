/**
 * Error-code catalogue shared by server and web: every code has one HTTP status and one zh-CN message.
 * Modules add their codes here, so a code without an entry does not compile (`ErrorCode` is derived).
 */
export const ERROR_CATALOGUE = {
  'COMMON.VALIDATION_FAILED': { status: 400, message: '提交的数据有误，请按提示修改' },
  'COMMON.MALFORMED_REQUEST': { status: 400, message: '请求格式不正确' },
  'COMMON.INVALID_CHARACTERS': {
    status: 400,
    message: '提交的内容含有不允许的字符（空字符或无效的 Unicode），请删除后重试',
  },
  'COMMON.UNAUTHENTICATED': { status: 401, message: '请先登录' },
  'COMMON.FORBIDDEN': { status: 403, message: '没有执行该操作的权限' },
  'COMMON.NOT_FOUND': { status: 404, message: '请求的资源不存在' },
  'COMMON.ROUTE_NOT_FOUND': { status: 404, message: '接口不存在' },
  'COMMON.METHOD_NOT_ALLOWED': { status: 405, message: '不支持该请求方法' },
  'COMMON.CONFLICT': { status: 409, message: '数据已被修改，请刷新后重试' },
  'COMMON.PAYLOAD_TOO_LARGE': { status: 413, message: '上传内容过大' },
  'COMMON.UNSUPPORTED_MEDIA_TYPE': { status: 415, message: '不支持的内容类型' },
  'COMMON.RATE_LIMITED': { status: 429, message: '操作过于频繁，请稍后再试' },
  'COMMON.INTERNAL': { status: 500, message: '系统内部错误，请联系技术支持并提供请求号' },
  'COMMON.SERVICE_BUSY': { status: 503, message: '系统繁忙，请稍后再试' },
  'COMMON.DATABASE_UNAVAILABLE': { status: 503, message: '数据库暂不可用，请稍后再试' },
  'JOB.NOT_FOUND': { status: 404, message: '后台任务不存在' },
  'EVENT.NOT_FOUND': { status: 404, message: '招录事项不存在' },
  'CANDIDATE.NOT_FOUND': { status: 404, message: '考生不存在' },
  // recruitment events, brochures, notices, REG-01 lists
  'EVENT.CODE_TAKEN': { status: 409, message: '事项编号已存在' },
  'EVENT.INVALID_TRANSITION': { status: 409, message: '招录事项当前状态不允许该操作' },
  'EVENT.STAGE_CLOSED': { status: 409, message: '该阶段当前未开放' },
  'EVENT.STAGE_NOT_IN_POLICY': { status: 400, message: '该阶段不在本事项的政策中' },
  'EVENT.POLICY_VERSION_NOT_FOUND': { status: 404, message: '政策版本不存在' },
  'UNIT.NOT_FOUND': { status: 404, message: '招录单位不存在' },
  'UNIT.CODE_TAKEN': { status: 409, message: '单位代码已存在' },
  'UNIT.INVALID_PARENT': {
    status: 400,
    message: '主管部门不正确：单位须隶属于主管部门，主管部门不能再有上级',
  },
  'POSITION.NOT_FOUND': { status: 404, message: '职位不存在' },
  'POSITION.CODE_TAKEN': { status: 409, message: '职位代码在本事项中已存在' },
  'POSITION.INVALID': { status: 400, message: '职位信息不符合简章要求' },
  'POSITION.LOCKED': { status: 409, message: '简章已上报或已发布，不能修改职位' },
  'BROCHURE.INVALID_TRANSITION': { status: 409, message: '简章当前状态不允许该操作' },
  'BROCHURE.EMPTY': { status: 400, message: '简章中还没有职位，不能上报' },
  'IMPORT.INVALID_FILE': { status: 400, message: '无法读取 Excel 文件，请使用导出的模板' },
  'IMPORT.ROWS_INVALID': {
    status: 400,
    message: '导入文件有错误，未导入任何数据，请按报告逐行修改',
  },
  'LIST.ID_NUMBER_INVALID': { status: 400, message: '身份证号码不正确' },
  'LIST.ENTRY_NOT_FOUND': { status: 404, message: '名单条目不存在' },
  'NOTICE.NOT_FOUND': { status: 404, message: '公告不存在' },
  'NOTICE.INVALID_TRANSITION': { status: 409, message: '公告当前状态不允许该操作' },
  // profile, exam registration, payment, tickets, data exchange
  'PROFILE.NOT_FOUND': { status: 404, message: '请先填写并保存个人档案' },
  'PROFILE.VERSION_CONFLICT': { status: 409, message: '档案已在其他页面修改，请刷新后重试' },
  'PROFILE.PHOTO_INVALID': { status: 400, message: '照片不符合要求' },
  'PROFILE.PHOTO_LOCKED': { status: 409, message: '照片已确认，不能再更换' },
  'PROFILE.PHOTO_MISSING': { status: 400, message: '请先上传并确认报名照片' },
  'PROFILE.ATTACHMENT_NOT_OWNED': {
    status: 400,
    message: '附件文件不存在或不是您上传的，请重新上传',
  },
  // stored files: uploaded materials (INT-05)
  'FILE.EMPTY': { status: 400, message: '请选择要上传的文件' },
  'FILE.TYPE_NOT_ALLOWED': { status: 415, message: '仅支持 PDF、JPG、PNG 格式的文件' },
  'FILE.TOO_LARGE': { status: 413, message: '文件过大' },
  'FILE.QUOTA_EXCEEDED': { status: 409, message: '上传文件数量已达上限' },
  'FILE.NOT_FOUND': { status: 404, message: '附件不存在' },
  'REGISTRATION.NOT_FOUND': { status: 404, message: '报名记录不存在' },
  'REGISTRATION.ALREADY_REGISTERED': {
    status: 409,
    message: '您已报名本次考试，每个招录事项只能报名一次',
  },
  'REGISTRATION.NOT_ELIGIBLE': { status: 422, message: '未通过报名资格自动核验' },
  'REGISTRATION.GREYLISTED': { status: 403, message: '您在本次招录的灰名单中，暂不能报名' },
  'REGISTRATION.CATEGORY_INVALID': { status: 400, message: '考试类别或专业科目不在本次招录政策中' },
  'REGISTRATION.INVALID_TRANSITION': { status: 409, message: '报名当前状态不允许该操作' },
  'PAYMENT.NOT_FOUND': { status: 404, message: '缴费通知书不存在' },
  'PAYMENT.SIGNATURE_INVALID': { status: 400, message: '缴费回调签名校验失败' },
  'PAYMENT.AMOUNT_MISMATCH': { status: 400, message: '缴费金额与通知书不符' },
  'PAYMENT.NOT_PAYABLE': { status: 409, message: '该缴费通知书当前不能缴费' },
  'PAYMENT.FINANCE_UNAVAILABLE': { status: 503, message: '财政缴费系统暂不可用，请稍后再试' },
  'TICKET.NOT_READY': { status: 409, message: '准考证尚未生成，请留意打印时间' },
  'TICKET.ALREADY_DRAWN': { status: 409, message: '本事项已编排考场座位，不能重复编排' },
  'TICKET.ROOMS_SHORT': { status: 409, message: '考场座位不足，请先增加考场' },
  'TICKET.PAYMENT_OPEN': { status: 409, message: '缴费截止后才能编排考场座位' },
  'EXCHANGE.UNAVAILABLE': { status: 503, message: '市数据共享平台暂不可用，请稍后再试' },
  // written-exam scores, position application and unit review
  'SCORE.ALREADY_PUBLISHED': { status: 409, message: '成绩已公布，不能再导入' },
  'SCORE.PASS_LINE_MISSING': { status: 409, message: '尚有考试类别未设置合格线，不能公布成绩' },
  'SCORE.NOTHING_TO_PUBLISH': { status: 409, message: '尚未导入笔试成绩' },
  // verifiable draws (REG-08)
  'DRAW.NOT_FOUND': { status: 404, message: '抽签记录不存在' },
  'DRAW.ALREADY_DRAWN': { status: 409, message: '该抽签已完成，不能再次抽取' },
  'DRAW.NOT_DRAWN': { status: 409, message: '尚未抽签，种子未公开' },
  'DRAW.NOT_REPLAYABLE': { status: 409, message: '该类抽签暂不支持复现' },
  // examiner arrangement (IVW-04, IVW-07)
  'ARRANGEMENT.SESSION_NOT_FOUND': { status: 404, message: '面试场次不存在' },
  'ARRANGEMENT.NO_GROUPS': { status: 409, message: '该场次没有面试组，请先完成考场和面试组设置' },
  'ARRANGEMENT.INFEASIBLE': { status: 409, message: '考官库无法满足回避规则，请查看模拟抽签报告' },
  'ARRANGEMENT.DRAW_PENDING': { status: 409, message: '该场次已公布种子哈希，请先完成抽签' },
  'ARRANGEMENT.NO_COMMITTED_DRAW': { status: 409, message: '请先公布种子哈希，再执行抽签' },
  'ARRANGEMENT.EXAMINER_NOT_FOUND': { status: 404, message: '未找到该考官编号' },
  'ARRANGEMENT.EXAMINER_NOT_ASSIGNED': { status: 409, message: '该考官本场次未被抽中，无需报到' },
  'DRAW.REDRAW_NEEDS_REASON': {
    status: 409,
    message: '该范围已有抽签记录，重新抽签须填写原因，原记录保留',
  },
  // interview check-in, candidate draw and external examiners (IVW-05, IVW-06, INT-09a)
  'INTERVIEW.EVENT_NOT_FOUND': { status: 404, message: '面试事项不存在' },
  // interview scoring on the venue tablet (IVW-08, IVW-10)
  'INTERVIEW.SHEET_INVALID': { status: 400, message: '评分表有误，请按提示修改后再提交' },
  'INTERVIEW.SHEET_NOT_FOUND': { status: 404, message: '评分表不存在' },
  'INTERVIEW.SHEET_KEY_CONFLICT': {
    status: 409,
    message: '该评分表标识已用于其他考生或考官，请刷新后重试',
  },
  'INTERVIEW.SHEET_EXISTS': { status: 409, message: '该考生已有您的评分表，请刷新后继续评分' },
  'INTERVIEW.SHEET_SUBMITTED': { status: 409, message: '评分表已提交，如需修改请先撤回' },
  'INTERVIEW.SHEET_CONFIRMED': { status: 409, message: '评分表已经监督员确认，不能修改' },
  'INTERVIEW.SHEET_NOT_SUBMITTED': { status: 409, message: '只有已提交的评分表可以确认' },
  'INTERVIEW.SHEET_NOT_WITHDRAWABLE': {
    status: 409,
    message: '只有已提交或已确认的评分表可以撤回',
  },
  'INTERVIEW.RESULT_COMPUTED': {
    status: 409,
    message: '该考生面试成绩已计算，评分表不能再修改或撤回',
  },
  'INTERVIEW.RESULT_FAILED': { status: 409, message: '面试成绩无法计算，请检查评分指标设置' },
  'INTERVIEW.NOT_SEATED': { status: 403, message: '您不是该面试组本场次的考官' },
  'INTERVIEW.CANDIDATE_NOT_FOUND': { status: 404, message: '面试考生不存在' },
  'INTERVIEW.SESSION_NOT_FOUND': { status: 404, message: '面试场次不存在' },
  'INTERVIEW.CANDIDATE_CHECKED_IN': { status: 409, message: '考生已签到，不能再调整面试时间' },
  'INTERVIEW.EXAMINER_NOT_FOUND': { status: 404, message: '考官不存在' },
  'INTERVIEW.EXAMINER_HAS_ACCOUNT': { status: 409, message: '该考官已有评分账号' },
  'INTERVIEW.EXAMINER_NO_PHONE': { status: 409, message: '该考官没有登记手机号，无法开通评分账号' },
  'INTERVIEW.GROUP_NOT_FOUND': { status: 404, message: '面试组不存在' },
  'CHECKIN.CANDIDATE_NOT_FOUND': {
    status: 404,
    message: '未找到该考生，请核对身份证号或准考证号',
  },
  'CHECKIN.DESK_TOKEN_INVALID': { status: 401, message: '签到台令牌无效或已停用' },
  'CHECKIN.DESK_NOT_FOUND': { status: 404, message: '签到台不存在' },
  'CANDIDATE_DRAW.NO_CANDIDATES': { status: 409, message: '该面试组（小组）没有可抽签的考生' },
  'CANDIDATE_DRAW.PANEL_SPLIT': {
    status: 409,
    message: '考生人数无法分成每组 3 或 4 人的结构化小组',
  },
  'CANDIDATE_DRAW.SUB_GROUP_INVALID': {
    status: 400,
    message: '分组须覆盖本组每一名考生且每名考生只属于一个小组',
  },
  'DISPATCH.NOT_FOUND': { status: 404, message: '外派考官记录不存在' },
  'DISPATCH.CONFIRMED': { status: 409, message: '调配结果已确认，不能再修改' },
  'DISPATCH.OWN_UNIT': { status: 409, message: '外派考官不能派往本单位' },
  'DISPATCH.NOT_ALLOCATED': { status: 409, message: '尚未进行调配' },
  // interview lists, adjustment and composite scores (INT-02, INT-07, §7)
  'INTERVIEW_LIST.SCORES_NOT_PUBLISHED': {
    status: 409,
    message: '笔试成绩尚未公布，不能计算面试名单',
  },
  'INTERVIEW_LIST.ALREADY_PUBLISHED': {
    status: 409,
    message: '面试名单已发布，不能重新计算',
  },
  'INTERVIEW_LIST.NOT_COMPUTED': { status: 409, message: '面试名单尚未计算' },
  'INTERVIEW_LIST.INVALID_TRANSITION': {
    status: 409,
    message: '面试名单当前状态不允许该操作',
  },
  // composite scores 综合成绩 (INT-07, §7, IVW-08)
  'COMPOSITE.LISTS_NOT_CONFIRMED': {
    status: 409,
    message: '面试名单尚未全部确认，不能导入面试成绩或计算综合成绩',
  },
  'COMPOSITE.SCORES_MISSING': {
    status: 409,
    message: '尚有进入面试的考生没有面试成绩，不能计算综合成绩',
  },
  'COMPOSITE.ALREADY_PUBLISHED': {
    status: 409,
    message: '综合成绩已公布，不能再导入面试成绩或重新计算',
  },
  'COMPOSITE.NOT_COMPUTED': { status: 409, message: '尚未计算综合成绩' },
  'COMPOSITE.STALE': {
    status: 409,
    message: '计算后面试成绩有变动，请重新计算综合成绩后再公布',
  },
  'COMPOSITE.POSITION_NOT_FOUND': { status: 404, message: '该职位不在面试名单中' },
  // physical exam 体检, re-check 复检 and hospital change requests (§7, REG-04, INT-09g)
  'PHYSICAL_EXAM.COMPOSITE_NOT_PUBLISHED': {
    status: 409,
    message: '综合成绩尚未公布，不能生成体检名单',
  },
  'PHYSICAL_EXAM.ENTRY_NOT_FOUND': { status: 404, message: '该考生不在体检名单中' },
  'PHYSICAL_EXAM.NOT_HOSPITAL': { status: 400, message: '所选单位不是体检医院' },
  'PHYSICAL_EXAM.ROUND_RECORDED': {
    status: 409,
    message: '该考生已有体检结果，不能重新安排',
  },
  'PHYSICAL_EXAM.RECHECK_NOT_REQUESTED': {
    status: 409,
    message: '该考生没有申请复检，不能安排复检',
  },
  'PHYSICAL_EXAM.RECHECK_NOT_ALLOWED': {
    status: 409,
    message: '只有体检结论为不合格的考生可以申请复检',
  },
  'PHYSICAL_EXAM.RECHECK_EXPIRED': {
    status: 409,
    message: '已超过体检结果公布后 7 日的复检申请期限',
  },
  'PHYSICAL_EXAM.RECHECK_TWICE': {
    status: 409,
    message: '复检只能申请一次，您已申请过复检',
  },
  'PHYSICAL_EXAM.ORDER_NOT_FOUND': { status: 404, message: '该考生未安排在本医院体检' },
  'PHYSICAL_EXAM.ALREADY_RECORDED': {
    status: 409,
    message: '该考生已有体检结果，如需修改请提交变更申请',
  },
  'PHYSICAL_EXAM.NOT_RECORDED': {
    status: 409,
    message: '该考生尚无体检结果，请先录入结果',
  },
  'PHYSICAL_EXAM.SUBMISSION_OPEN': {
    status: 409,
    message: '该考生已有待处理的提交，请等待同步或审批结果',
  },
  'PHYSICAL_EXAM.CHANGE_NOT_FOUND': { status: 404, message: '变更申请不存在' },
  'PHYSICAL_EXAM.CHANGE_DECIDED': { status: 409, message: '该变更申请已审批' },
  'ADJUSTMENT.DISABLED': { status: 409, message: '本招录事项不开展调剂' },
  'ADJUSTMENT.UNIFIED_DISABLED': { status: 409, message: '本招录事项不开展统一调剂' },
  'ADJUSTMENT.NOT_PUBLISHED': { status: 404, message: '本招录事项尚未发布调剂职位' },
  'ADJUSTMENT.POSITIONS_INVALID': { status: 422, message: '调剂职位不符合发布条件' },
  'ADJUSTMENT.POSITION_IN_USE': {
    status: 409,
    message: '该调剂职位已有考生申请，不能取消发布',
  },
  'ADJUSTMENT.POSITION_NOT_FOUND': { status: 404, message: '调剂职位不存在' },
  'ADJUSTMENT.ROUND_CLOSED': { status: 409, message: '公开调剂已结束' },
  'ADJUSTMENT.PUBLIC_ROUND_OPEN': {
    status: 409,
    message: '公开调剂尚未结束，不能开展统一调剂',
  },
  'ADJUSTMENT.NOT_ELIGIBLE': { status: 422, message: '不符合该调剂职位的调剂条件' },
  'ADJUSTMENT.LOCKED': {
    status: 409,
    message: '调剂申请已经单位同意，不能再更改或撤回',
  },
  'ADJUSTMENT.APPLICATION_NOT_FOUND': { status: 404, message: '调剂申请不存在' },
  'ADJUSTMENT.ALREADY_DECIDED': { status: 409, message: '该调剂申请已审核或已撤回' },
  'ADJUSTMENT.NO_PROPOSAL': { status: 409, message: '尚未生成统一调剂方案' },
  'ADJUSTMENT.ALREADY_CONFIRMED': { status: 409, message: '统一调剂已确认，不能再修改' },
  'ADJUSTMENT.NOT_IN_POOL': { status: 404, message: '该考生不在统一调剂范围内' },
  'ADJUSTMENT.NO_PLACES': { status: 409, message: '该职位的调剂缺额已满' },
  'INTERVIEW_LIST.NOT_CONFIRMED': { status: 409, message: '面试名单尚未确认，不能发布' },
  'INTERVIEW_LIST.POSITION_NOT_FOUND': { status: 404, message: '该职位没有面试名单' },
  'INTERVIEW_LIST.VERSION_NOT_FOUND': { status: 404, message: '面试名单历史版本不存在' },
  'INTERVIEW_LIST.NOT_PUBLISHED': { status: 404, message: '该招录事项尚未发布面试名单' },
  // interview system setup and imports (IVW-01, IVW-02)
  'INTERVIEW.NOT_FOUND': { status: 404, message: '面试设置项不存在' },
  'INTERVIEW.CODE_TAKEN': { status: 409, message: '面试事项编号已存在' },
  'INTERVIEW.SETUP_INVALID': { status: 400, message: '面试设置有误，请按提示修改' },
  'INTERVIEW.IN_USE': { status: 409, message: '该设置项已被使用，不能删除' },
  // interview reports (IVW-09, INT-09b)
  'REPORT.PDF_FONT_MISSING': {
    status: 503,
    message: '服务器未安装中文字体（Noto Sans CJK），无法生成 PDF，请联系系统管理员',
  },
  'REPORT.NOTHING_TO_EXPORT': { status: 404, message: '所选范围内没有考生' },
  'APPLICATION.NOT_FOUND': { status: 404, message: '职位报名记录不存在' },
  'APPLICATION.NOT_ELIGIBLE': { status: 422, message: '不符合该职位的报考条件' },
  'APPLICATION.ALREADY_ACTIVE': {
    status: 409,
    message: '您已有一个有效的职位报名，同一时间只能报考一个职位',
  },
  'APPLICATION.ALREADY_REVIEWED': { status: 409, message: '招录单位已审核，不能再更改职位' },
  'APPLICATION.LOCKED': { status: 409, message: '报名已审核通过，不能再更改' },
  'APPLICATION.INVALID_TRANSITION': { status: 409, message: '报名当前状态不允许该操作' },
  'APPLICATION.POLICE_INTENTIONS_INVALID': {
    status: 400,
    message: '请按志愿顺序选择可接受的警种岗位',
  },
  'EDUCATION.UNAVAILABLE': { status: 503, message: '学历查询接口暂不可用，请稍后再试' },
  // audit log
  'AUDIT.RANGE_EMPTY': { status: 404, message: '所选范围内没有审计日志' },
  'AUDIT.RANGE_TOO_LARGE': { status: 400, message: '单次最多导出 100000 条审计日志，请缩小范围' },
  // identity and access
  'IDENTITY.INVALID_CREDENTIALS': { status: 401, message: '账号或密码错误' },
  'IDENTITY.ACCOUNT_LOCKED': {
    status: 423,
    message: '登录失败次数过多，账号已暂时锁定，请稍后再试',
  },
  'IDENTITY.IP_THROTTLED': { status: 429, message: '该地址登录失败次数过多，请稍后再试' },
  'IDENTITY.IP_NOT_ALLOWED': {
    status: 403,
    message: '当前网络地址不在后台登录白名单内，请联系安全管理员',
  },
  'IDENTITY.PASSWORD_EXPIRED': { status: 403, message: '密码已过期，请先修改密码' },
  'IDENTITY.PASSWORD_POLICY': { status: 400, message: '密码不符合安全要求' },
  'IDENTITY.PASSWORD_WRONG': { status: 400, message: '当前密码不正确' },
  'IDENTITY.SECOND_FACTOR_REQUIRED': { status: 401, message: '请先完成第二步身份验证' },
  'IDENTITY.CODE_INVALID': { status: 400, message: '验证码错误或已过期，请重新获取' },
  'IDENTITY.CSRF_REJECTED': { status: 403, message: '请求来源校验失败，请刷新页面后重试' },
  'IDENTITY.ALREADY_REGISTERED': {
    status: 409,
    message: '该身份证号或手机号已注册，请直接登录或找回密码',
  },
  'IDENTITY.REAL_NAME_MISMATCH': { status: 400, message: '姓名与身份证号不一致，实名认证未通过' },
  'IDENTITY.REAL_NAME_UNAVAILABLE': { status: 503, message: '实名认证服务暂不可用，请稍后再试' },
  'IDENTITY.ID_NUMBER_INVALID': { status: 400, message: '身份证号码不正确' },
  'IDENTITY.USERNAME_TAKEN': { status: 409, message: '用户名已存在' },
  'IDENTITY.USER_NOT_FOUND': { status: 404, message: '用户不存在' },
  'IDENTITY.SELF_GRANT': { status: 403, message: '不能给自己分配角色' },
  'IDENTITY.SEPARATION_OF_DUTIES': {
    status: 409,
    message: '三权分立：系统管理员、安全管理员、审计管理员不能由同一人兼任',
  },
  'IDENTITY.SCOPE_REQUIRED': { status: 400, message: '该角色必须限定单位或招录事项' },
  'IDENTITY.GRANT_NOT_FOUND': { status: 404, message: '授权不存在' },
  'IDENTITY.SESSION_NOT_FOUND': { status: 404, message: '会话不存在' },
  'IDENTITY.ALLOWLIST_ENTRY_INVALID': {
    status: 400,
    message: '地址格式不正确，应为 IPv4/IPv6 地址或 CIDR 网段',
  },
  'IDENTITY.ALLOWLIST_ENTRY_NOT_FOUND': { status: 404, message: '白名单条目不存在' },
  'IDENTITY.TOTP_NOT_ENROLLED': { status: 400, message: '尚未绑定动态口令' },
  'PROBLEM.NOT_FOUND': { status: 404, message: '问题记录不存在' },
  'PROBLEM.INVALID_TRANSITION': { status: 409, message: '问题当前状态不允许该操作' },
  'PROBLEM.REPLY_REQUIRED': { status: 400, message: '请填写答复内容' },
  'PROBLEM.EVENT_REQUIRED': { status: 400, message: '该类问题须选择所涉及的招录事项' },
  'PROBLEM.NAME_REQUIRED': { status: 400, message: '姓名变更须填写变更后的姓名' },
  'PROBLEM.EVIDENCE_NOT_OWNED': {
    status: 400,
    message: '证明材料不存在或不是您上传的，请重新上传',
  },
  'PROBLEM.REGISTRATION_REQUIRED': {
    status: 409,
    message: '未找到该考生在本次招录中的报名记录，无法减免报名费',
  },
  'PROBLEM.ALREADY_OPEN': {
    status: 409,
    message: '您已有一件同类问题正在处理中，请在原问题中补充',
  },
  'SMS.DAILY_LIMIT': {
    status: 429,
    message: '该手机号今日短信发送已达上限，请明天再试或联系技术支持解锁',
  },
  'SMS.DELIVERY_FAILED': { status: 502, message: '短信发送失败，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** One field that failed validation, named in Chinese for the person who filled the form. */
export type FieldError = { field: string; label: string; message: string };

/** The one shape of every error answer of the API. */
export type ErrorBody = {
  error: { code: ErrorCode | string; message: string; details?: unknown; requestId: string };
};
