import 'vue-router';
import type { Permission } from '@kaolu/contracts';
import type { PortalKey } from './portals';

// Typed route meta: the portal is set on each layout record and inherited by its pages.
declare module 'vue-router' {
  interface RouteMeta {
    portal?: PortalKey;
    /** Page name prefixed to the portal title; absent on a portal's home page. */
    title?: string;
    /** Set on a staff portal's layout record: its pages need a signed-in staff user (issue 3). */
    requiresStaff?: boolean;
    /** A page of a staff portal that opens without a full session (login, forced password change). */
    staffOpen?: boolean;
    /** The permission the page needs; without it the layout shows the 403 page instead. */
    permission?: Permission;
  }
}
