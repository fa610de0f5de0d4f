import type { Role } from '../db/schema.ts';

export interface SiteInfo {
  rootUnitId: number;
  rootUnitSlug: string;
  siteName: string;
  siteCode: string;
  icpNo: string;
  psbNo: string;
  /** The 党政机关网站标识's verification link ('' = not registered, no 标识 shown). */
  conacUrl: string;
  hostUnitName: string;
  /** Shown at the top of every page when set (site setting 演示数据提示). */
  demoNotice: string;
}

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  rootUnitId: number;
  roles: Role[];
  mustChangePassword: boolean;
}

export interface NavItem {
  href: string;
  label: string;
}

/** A query terminal's frame (政务公开查询终端): set when the request comes from a registered terminal. */
export interface KioskFrame {
  terminalName: string;
  /** Seconds without a touch before the terminal returns to its start page. */
  idleSeconds: number;
  /** The page's public address, for the QR code that carries it on to a phone. */
  pageUrl: string;
}

/** What every page needs from the request, built once per request by core/http. */
export interface PageContext {
  site: SiteInfo;
  user: CurrentUser | null;
  csrfToken: string;
  elderMode: boolean;
  path: string;
  flash: string | undefined;
  publicNav: NavItem[];
  /** Module links in the public footer (e.g. 我为政府网站找错). */
  footerLinks?: NavItem[];
  staffNav: NavItem[];
  requestId: string;
  /** Set on a query terminal: public pages use the kiosk frame. */
  kiosk?: KioskFrame | null;
}
