// NFR-UX-1: no uuid and no raw code on any screen. Every page a browser test opens reports the
// visible text it renders, at every change, to the spec; afterEach fails the test that showed one.
// Text behind a closed fold (display: none, e.g. the audit entry's 技术信息 or the 联系客服 request
// id) is not visible and so not reported.
import {
  AUDIT_ACTION_LABELS,
  AUDIT_TARGET_TYPE_LABELS,
  PERMISSIONS,
  ROLE_SCOPE_LABELS,
  StaffRoleSchema,
} from '@kaolu/contracts';
import type { BrowserContext } from 'playwright-core';

export type ScreenHit = { url: string; kind: string; text: string };

// Codes of the catalogues that have Chinese labels: shown raw, they are a missing lookup. Role and
// scope codes count only when snake_case (plain words such as `auditor` also occur in prose).
const CATALOGUE_CODES = [
  ...Object.keys(PERMISSIONS),
  ...Object.keys(AUDIT_ACTION_LABELS),
  ...Object.keys(AUDIT_TARGET_TYPE_LABELS),
  ...StaffRoleSchema.options,
  ...Object.keys(ROLE_SCOPE_LABELS),
].filter((code) => /[._]/.test(code));

/** The patterns, as sources the page compiles: uuid, AREA.REASON error codes, catalogue codes. */
export const SCREEN_PATTERNS = {
  uuid: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  errorCode: '\\b[A-Z][A-Z0-9]+\\.[A-Z][A-Z0-9_]+\\b',
  catalogueCode: `(?<![\\w.])(?:${CATALOGUE_CODES.map((c) => c.replace(/\./g, '\\.')).join('|')})(?![\\w.])`,
};

/**
 * Installs the scan on a context: a script in every document watches the DOM and reports each
 * offending visible text (body text and the values of visible inputs) once per page URL.
 */
export async function installScreenScan(context: BrowserContext, hits: ScreenHit[]): Promise<void> {
  await context.exposeBinding('__klScreenHit', (_source, hit: ScreenHit) => {
    if (!hits.some((h) => h.url === hit.url && h.kind === hit.kind && h.text === hit.text))
      hits.push(hit);
  });
  await context.addInitScript((patterns: Record<string, string>) => {
    const compiled = Object.entries(patterns).map(
      ([kind, source]) => [kind, new RegExp(source, 'gi')] as const,
    );
    // Error codes are upper case by definition: that pattern must not ignore case.
    compiled.forEach((entry, i) => {
      if (entry[0] === 'errorCode') compiled[i] = [entry[0], new RegExp(patterns.errorCode!, 'g')];
    });
    const report = (window as unknown as { __klScreenHit: (hit: unknown) => void }).__klScreenHit;
    const scan = () => {
      if (!document.body) return;
      const inputs = Array.from(document.querySelectorAll('input, textarea'))
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => (el as HTMLInputElement).value);
      // Full addresses are exempt: a printed 抽签公示 link must carry its id to be typed or scanned.
      const text = [document.body.innerText, ...inputs]
        .join('\n')
        .replace(/https?:\/\/\S+/g, '[链接]');
      for (const [kind, re] of compiled)
        for (const m of text.matchAll(re)) {
          // The line around the match, so the failure says where it was.
          const start = text.lastIndexOf('\n', m.index) + 1;
          const end = text.indexOf('\n', m.index);
          const line = text
            .slice(start, end < 0 ? undefined : end)
            .trim()
            .slice(0, 160);
          report({ url: location.pathname, kind, text: line });
        }
    };
    let timer: number | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = window.setTimeout(scan, 150);
    };
    new MutationObserver(later).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    addEventListener('input', later, true);
  }, SCREEN_PATTERNS);
}

/** A readable failure listing each hit (page, kind, the line it was on). */
export function describeHits(hits: readonly ScreenHit[]): string {
  return [
    `页面上出现了 UUID 或原始代码（NFR-UX-1），共 ${hits.length} 处：`,
    ...hits.map((h) => `  ${h.url} [${h.kind}] ${h.text}`),
  ].join('\n');
}
