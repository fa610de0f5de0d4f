// Resolves which site (root unit) a request is for, by host name; the first root is the default.
import { asc, isNull } from 'drizzle-orm';
import type { Db } from './db/index.ts';
import { siteSettings, units } from './db/schema.ts';
import type { SiteInfo } from './ui/context.ts';

export class SiteService {
  private cache: { sites: (SiteInfo & { hostName: string })[]; at: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 30_000,
  ) {}

  invalidate(): void {
    this.cache = undefined;
  }

  async all(): Promise<(SiteInfo & { hostName: string })[]> {
    const now = Date.now();
    if (this.cache && now - this.cache.at < this.ttlMs) return this.cache.sites;
    const rows = await this.db.select().from(units).where(isNull(units.parentId)).orderBy(asc(units.sortOrder), asc(units.id));
    const settings = await this.db.select().from(siteSettings);
    const sites = rows.map((u) => {
      const s = settings.find((x) => x.rootUnitId === u.id);
      return {
        rootUnitId: u.id,
        rootUnitSlug: u.slug,
        siteName: s?.siteName || u.name,
        siteCode: s?.siteCode ?? '',
        icpNo: s?.icpNo ?? '',
        psbNo: s?.psbNo ?? '',
        conacUrl: s?.conacUrl ?? '',
        hostUnitName: s?.hostUnitName || u.name,
        demoNotice: s?.demoNotice ?? '',
        hostName: (s?.hostName ?? '').toLowerCase(),
      };
    });
    this.cache = { sites, at: now };
    return sites;
  }

  async forHost(host: string | undefined): Promise<SiteInfo> {
    const sites = await this.all();
    const h = (host ?? '').toLowerCase().replace(/:\d+$/, '');
    const site = sites.find((s) => s.hostName && s.hostName === h) ?? sites[0];
    return site ?? FALLBACK_SITE;
  }
}

/** Used before any unit exists (an empty database). */
export const FALLBACK_SITE: SiteInfo = {
  rootUnitId: 0,
  rootUnitSlug: '',
  siteName: '政务公开平台',
  siteCode: '',
  icpNo: '',
  psbNo: '',
  conacUrl: '',
  hostUnitName: '',
  demoNotice: '',
};
