// Public face of the notices module (REG-03, REG-04, announcements).
export { createNoticesService, type NoticesService, type SmsReport } from './notices.service';
export { registerNoticeRoutes } from './notices.routes';
export { notice, noticeVersion, noticeRecipient, noticeSmsDelivery } from './notice.table';
