import 'vue-router';
import type { PortalKey } from './portals';

// Typed route meta: the portal is set on each layout record and inherited by its pages.
declare module 'vue-router' {
  interface RouteMeta {
    portal?: PortalKey;
    /** Page name prefixed to the portal title; absent on a portal's home page. */
    title?: string;
  }
}
