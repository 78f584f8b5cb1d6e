/** The four portals of the SPA (REQUIREMENTS §0): their path prefix and the title every page carries. */
export const SYSTEM_NAME = '上海市公务员考录';

export type PortalKey = 'candidate' | 'admin' | 'hospital' | 'interview';

export type PortalInfo = {
  key: PortalKey;
  /** Short name shown after the system name in headers. */
  name: string;
  /** Document title of the portal's home; page titles are prefixed to it. */
  title: string;
  basePath: string;
};

const makePortal = (key: PortalKey, name: string, basePath: string): PortalInfo => ({
  key,
  name,
  title: `${SYSTEM_NAME} · ${name}`,
  basePath,
});

export const portals: Record<PortalKey, PortalInfo> = {
  candidate: makePortal('candidate', '考生服务', '/'),
  admin: makePortal('admin', '管理端', '/admin'),
  hospital: makePortal('hospital', '医院学校端', '/hospital'),
  interview: makePortal('interview', '面试系统', '/interview'),
};

/** Builds the document title for a page: 'Page - Portal title', or the portal title alone on its home. */
export function formatDocumentTitle(
  portal: PortalKey | undefined,
  pageTitle: string | undefined,
): string {
  const base = portal ? portals[portal].title : SYSTEM_NAME;
  return pageTitle ? `${pageTitle} - ${base}` : base;
}
