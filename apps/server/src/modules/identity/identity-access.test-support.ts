import type { TestApp } from '../../test-support/test-app';

/**
 * Calls every guarded route of the app, for the route walks of the identity test files: each route
 * of the registry that is not public (wildcards aside), its path parameters filled with a UUID that
 * names nothing, a write sent with an empty body. `current` answers the app of the calling describe,
 * which exists only after its beforeAll.
 */
export function routeWalk(current: () => TestApp) {
  const guarded = () =>
    current().app.kaolu.routes.filter((r) => r.access !== 'public' && !r.url.includes('*'));
  const urlOf = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
  const call = (method: string, url: string, headers?: Record<string, string>) =>
    current().app.inject({
      method: method as 'GET',
      url: urlOf(url),
      headers,
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });
  return { guarded, call };
}
