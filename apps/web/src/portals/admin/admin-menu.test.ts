import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffAccount } from '@/features/identity/identity.api';
import { staffSession } from '@/features/identity/staff-session';
import { adminMenu, menuFromRoutes, visibleAdminMenu } from './admin-menu';
import { adminRoutes } from './routes';

/** A signed-in staff user holding exactly these permissions. */
function signIn(permissions: string[]) {
  staffSession.account = {
    id: 'u',
    username: 'u',
    displayName: 'U',
    roles: [],
    permissions,
    passwordExpiresAt: '',
    passwordChangeRequired: null,
    passwordWarning: null,
    totpEnabled: false,
  } as StaffAccount;
}
afterEach(() => {
  staffSession.account = null;
});

describe('admin menu derived from the routes', () => {
  it('keeps the sidebar exactly as declared: entries, order and labels', () => {
    expect(adminMenu.map((item) => [item.index, item.label])).toEqual([
      ['/admin', '系统概况'],
      ['/admin/jobs', '后台任务'],
      ['/admin/audit', '审计日志'],
      ['/admin/events', '招录事项'],
      ['/admin/units', '招录单位'],
      ['/admin/positions', '职位填报'],
      ['/admin/lists', '白名单与灰名单'],
      ['/admin/notices', '公告通知'],
      ['/admin/reconciliation', '缴费对账'],
      ['/admin/interface-logs', '接口日志'],
      ['/admin/problems', '报名问题处理'],
      ['/admin/scores', '成绩与合格线'],
      ['/admin/reviews', '资格审查'],
      ['/admin/interview-lists', '面试名单'],
      ['/admin/adjustment', '调剂管理'],
      ['/admin/adjustment-reviews', '调剂申请审核'],
      ['/admin/composite', '综合成绩'],
      ['/admin/physical-exam', '体检管理'],
      ['/admin/interviews', '面试事项'],
      ['/admin/examiner-dispatch/unit', '外派考官登记'],
      ['/admin/examiner-dispatch', '外派考官调配'],
      ['/admin/users', '用户管理'],
      ['/admin/role-grants', '角色授权'],
      ['/admin/ip-allowlist', '登录白名单'],
      ['/admin/sessions', '在线会话'],
      ['/admin/sms', '短信管理'],
    ]);
  });

  it('gives every entry the permission of its own route, so menu and 403 page agree', () => {
    const byPath = new Map(
      (adminRoutes.children ?? []).map((r) => [
        r.path === '' ? '/admin' : `/admin/${r.path}`,
        r.meta?.permission,
      ]),
    );
    for (const item of adminMenu) expect(item.permission).toBe(byPath.get(item.index));
    expect(adminMenu.find((i) => i.index === '/admin/sms')?.permission).toBe('sms.read');
    expect(adminMenu.find((i) => i.index === '/admin')?.permission).toBeUndefined();
  });

  it('orders by menu.order, not by route position, and skips routes without a menu entry', () => {
    const icon = markRaw({});
    const layout: RouteRecordRaw = {
      path: '/x',
      children: [
        { path: 'b', component: {}, meta: { title: 'B', menu: { order: 2, icon } } },
        { path: 'hidden', component: {}, meta: { title: 'Hidden' } },
        {
          path: 'a',
          component: {},
          meta: { title: 'A', permission: 'job.read', menu: { order: 1, icon, label: 'A 菜单' } },
        },
      ],
    };
    expect(menuFromRoutes(layout)).toEqual([
      { index: '/x/a', label: 'A 菜单', icon, permission: 'job.read' },
      { index: '/x/b', label: 'B', icon },
    ]);
  });

  it('refuses a menu entry with neither label nor title', () => {
    const layout: RouteRecordRaw = {
      path: '/x',
      children: [{ path: 'a', component: {}, meta: { menu: { order: 1, icon: {} } } }],
    };
    expect(() => menuFromRoutes(layout)).toThrow(/neither menu.label nor title/);
  });
});

describe('visibleAdminMenu', () => {
  it('shows nothing before sign-in', () => {
    expect(visibleAdminMenu()).toEqual([]);
  });

  it('shows the dashboard and only the pages whose permission the user holds', () => {
    signIn(['audit.read']);
    expect(visibleAdminMenu().map((i) => i.index)).toEqual(['/admin', '/admin/audit']);
  });
});
