import type { Permission } from '@kaolu/contracts';
import type { RouteLocationNormalizedLoaded } from 'vue-router';
import { hasPermission } from '@/features/identity/staff-session';

/**
 * The permission a route needs: its own `meta.permission` (vue-router merges the matched records'
 * meta, so a page inherits none from its layout unless the layout sets one).
 */
export function requiredPermission(
  route: Pick<RouteLocationNormalizedLoaded, 'meta'>,
): Permission | undefined {
  return route.meta.permission;
}

/**
 * Whether the signed-in user may not open the route, so the layout shows the 403 page in its place
 * (a direct visit by URL; the menu already hides such pages). Reads the same route meta as the
 * menu, so the two cannot disagree. `can` is injectable for tests.
 */
export function isRouteForbidden(
  route: Pick<RouteLocationNormalizedLoaded, 'meta'>,
  can: (permission: Permission) => boolean = hasPermission,
): boolean {
  const permission = requiredPermission(route);
  return permission !== undefined && !can(permission);
}
