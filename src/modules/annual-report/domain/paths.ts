// URLs of the module's pages. Pure.
export const staffBase = (slug: string) => `/staff/annual-reports/${slug}`;
export const staffReportPath = (slug: string, year: number) => `/staff/annual-reports/${slug}/${year}`;
export const cellPath = (slug: string, year: number, cellId: string) => `${staffReportPath(slug, year)}/cells/${cellId}`;
export const casesPath = (slug: string) => `/staff/annual-reports/${slug}/cases`;
export const casePath = (slug: string, code: string) => `/staff/annual-reports/${slug}/cases/${code}`;
/** The unit's reports in its 政府信息公开 column (政府信息公开年报). */
export const publicListPath = (slug: string) => `/openness/${slug}/annual-reports`;
export const publicReportPath = (slug: string, year: number) => `/openness/${slug}/annual-reports/${year}`;
