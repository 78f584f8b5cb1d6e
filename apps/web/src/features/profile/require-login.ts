import type { RouteLocationNormalizedLoaded, Router } from 'vue-router';
import { ApiError } from '@/app/http';
import { setCandidateSession } from '@/features/identity/candidate-session';

/**
 * Candidate pages load with a silent request; a 401 means "not signed in" and sends the candidate
 * to the login page, coming back here afterwards. Returns true when it redirected.
 */
export async function redirectIfSignedOut(
  error: unknown,
  router: Router,
  route: RouteLocationNormalizedLoaded,
): Promise<boolean> {
  if (!(error instanceof ApiError) || error.status !== 401) return false;
  // An expired session: the header must stop showing the candidate's name.
  setCandidateSession(null);
  await router.replace({ path: '/login', query: { redirect: route.fullPath } });
  return true;
}
