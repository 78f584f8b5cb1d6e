import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { adminRoutes } from '@/portals/admin/routes';
import { candidateRoutes } from '@/portals/candidate/routes';
import { hospitalRoutes } from '@/portals/hospital/routes';
import { interviewRoutes } from '@/portals/interview/routes';
import { installIdentityGuard } from '@/features/identity/identity-guard';
import { formatDocumentTitle } from './portals';

// Candidate routes sit at '/', so they go last: its catch-all must not shadow the other portals.
const routes: RouteRecordRaw[] = [adminRoutes, hospitalRoutes, interviewRoutes, candidateRoutes];

/** Creates the SPA router: history mode, one route tree per portal, each with its own 404 page. */
export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installIdentityGuard(router);
  router.afterEach((to) => {
    document.title = formatDocumentTitle(to.meta.portal, to.meta.title);
  });
  return router;
}
