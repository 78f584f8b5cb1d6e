import 'vue-router';
import type { Permission } from '@kaolu/contracts';
import type { Component } from 'vue';
import type { PortalKey } from './portals';

// Typed route meta: the portal is set on each layout record and inherited by its pages. A page's
// title, permission and sidebar entry are declared here once (NFR-MNT-1); menus and the 403 check
// read them (portals/admin/admin-menu.ts, app/route-access.ts).
declare module 'vue-router' {
  interface RouteMeta {
    portal?: PortalKey;
    /** Page name prefixed to the portal title; absent on a portal's home page. */
    title?: string;
    /** Set on a staff portal's layout record: its pages need a signed-in staff user (REG-05). */
    requiresStaff?: boolean;
    /** A page of a staff portal that opens without a full session (login, forced password change). */
    staffOpen?: boolean;
    /** The permission the page needs; without it the layout shows the 403 page instead. */
    permission?: Permission;
    /**
     * The page's sidebar entry, if it has one: position (ascending `order`), icon (markRaw'd
     * component) and a label when the menu's wording differs from the title.
     */
    menu?: { order: number; icon: Component; label?: string };
  }
}
