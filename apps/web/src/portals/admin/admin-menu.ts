import type { Permission } from '@kaolu/contracts';
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { hasPermission } from '@/features/identity/staff-session';
import { adminRoutes } from './routes';

/**
 * A sidebar entry: the page's path, label and icon, and the permission of its route. No
 * permission: any signed-in staff user.
 */
export type AdminMenuItem = {
  index: string;
  label: string;
  icon: Component;
  permission?: Permission;
};

/** Joins a parent and a child route path the way vue-router resolves relative children. */
function joinPath(parent: string, child: string): string {
  if (child.startsWith('/')) return child;
  if (!child) return parent;
  return `${parent.replace(/\/$/, '')}/${child}`;
}

/**
 * Derives the sidebar from a layout record (NFR-MNT-1: a page's permission is declared once, in its
 * route meta): every child with `meta.menu` becomes an entry, ordered by `menu.order`, labelled with
 * `menu.label` or the page title, carrying the route's own `permission`.
 */
export function menuFromRoutes(layout: RouteRecordRaw): AdminMenuItem[] {
  const entries: Array<AdminMenuItem & { order: number }> = [];
  for (const child of layout.children ?? []) {
    // Only children marked with meta.menu: detail and sign-in pages stay out of the sidebar.
    const menu = child.meta?.menu;
    if (!menu) continue;
    const label = menu.label ?? child.meta?.title;
    // A menu entry without a label would be an empty line: fail loudly while developing.
    if (!label)
      throw new Error(`admin route '${child.path}' has meta.menu but neither menu.label nor title`);
    const permission = child.meta?.permission;
    entries.push({
      index: joinPath(layout.path, child.path),
      label,
      icon: menu.icon,
      order: menu.order,
      ...(permission ? { permission } : {}),
    });
  }
  return entries.sort((a, b) => a.order - b.order).map(({ order: _order, ...item }) => item);
}

/** The admin sidebar, in order; later modules add entries by giving their route a `meta.menu`. */
export const adminMenu: AdminMenuItem[] = menuFromRoutes(adminRoutes);

/** The entries the signed-in staff user may open (the menu hides the others). */
export function visibleAdminMenu(items: readonly AdminMenuItem[] = adminMenu): AdminMenuItem[] {
  return items.filter((item) => hasPermission(item.permission));
}
