import { DataBoard, Document, Operation } from '@element-plus/icons-vue';
import { markRaw, type Component } from 'vue';

export type AdminMenuItem = { index: string; label: string; icon: Component };

/** Sidebar entries; later modules append theirs (with a permission) here. */
export const adminMenu: AdminMenuItem[] = [
  { index: '/admin', label: '系统概况', icon: markRaw(DataBoard) },
  { index: '/admin/jobs', label: '后台任务', icon: markRaw(Operation) },
  { index: '/admin/audit', label: '审计日志', icon: markRaw(Document) },
];
