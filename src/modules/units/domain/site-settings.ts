// Site settings of a city's portal: name, 网站标识码, 备案 numbers, host name, 主办单位.

export type Errors = Record<string, string>;

export interface SiteSettingsInput {
  siteName: string;
  siteCode: string;
  icpNo: string;
  psbNo: string;
  /** The 党政机关网站标识's verification page on conac.cn ('' = none). */
  conacUrl: string;
  hostName: string;
  hostUnitName: string;
  /** A notice at the top of every page, e.g. that the site holds demo data; '' = none. */
  demoNotice: string;
  /** 上一级人民政府 named in remedy notices of the city government's own decisions ('' = from the city's address). */
  superiorGovernment: string;
  /** The 基层人民法院 of remedy defaults ('' = the city's name + 人民法院). */
  basicCourt: string;
  /** The 中级人民法院 for the city government's own decisions ('' = from the 上一级人民政府's area). */
  intermediateCourt: string;
}

export const SITE_SETTINGS_FIELDS = ['siteName', 'siteCode', 'icpNo', 'psbNo', 'conacUrl', 'hostName', 'hostUnitName', 'demoNotice', 'superiorGovernment', 'basicCourt', 'intermediateCourt'] as const satisfies readonly (keyof SiteSettingsInput)[];

const length = (s: string): number => Array.from(s).length;

// RFC 1035 §2.3.1 / RFC 1123 §2.1: labels of letters, digits and inner hyphens, at most 63 each.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function hostNameProblem(host: string): string | undefined {
  const message = '域名格式不正确，应类似 www.cxs.gov.cn（不含 http:// 、端口和路径）';
  if (host.length > 253) return '域名过长';
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,}$/.test(labels.at(-1) ?? '')) return message;
  return undefined;
}

/** An https address on conac.cn (the 中国机构编制网, which issues the 党政机关网站标识). */
export function isConacUrl(s: string): boolean {
  if (s.length > 300) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && (u.hostname === 'conac.cn' || u.hostname.endsWith('.conac.cn'));
  } catch {
    return false;
  }
}

export type SiteSettingsResult = { ok: true; value: SiteSettingsInput } | { ok: false; errors: Errors };

export function validateSiteSettings(input: SiteSettingsInput): SiteSettingsResult {
  const errors: Errors = {};
  const value: SiteSettingsInput = { ...input, hostName: input.hostName.toLowerCase() };
  if (!value.siteName) errors.siteName = '请填写网站名称';
  else if (length(value.siteName) > 100) errors.siteName = '网站名称不能超过100个字';
  // 《政府网站发展指引》(国办发〔2017〕47号): every government website shows its 网站标识码 in the footer.
  if (!value.siteCode) errors.siteCode = '请填写网站标识码';
  else if (!/^[0-9A-Za-z]{10}$/.test(value.siteCode)) errors.siteCode = `网站标识码应为10位数字或字母，当前为${length(value.siteCode)}个字符`;
  // 《非经营性互联网信息服务备案管理办法》: the ICP 备案号 reads like 滇ICP备12345678号-1.
  if (value.icpNo && !/^[\u4e00-\u9fa5]ICP备\d{6,10}号(?:-\d{1,3})?$/.test(value.icpNo)) {
    errors.icpNo = 'ICP备案号格式不正确，应类似“滇ICP备12345678号-1”';
  }
  // 《计算机信息网络国际联网安全保护管理办法》: the 公安备案号 reads like 滇公网安备 53230102000000号.
  if (value.psbNo && !/^[\u4e00-\u9fa5]公网安备\s?\d{14}号$/.test(value.psbNo)) {
    errors.psbNo = '公安备案号格式不正确，应类似“滇公网安备 53230102000000号”（14位数字）';
  }
  // 党政机关网站标识: the 机构编制 office's verification page, e.g. https://bszs.conac.cn/sitename?method=show&id=… .
  if (value.conacUrl && !isConacUrl(value.conacUrl)) {
    errors.conacUrl = '党政机关网站标识链接应为 conac.cn 上的 https 地址，如“https://bszs.conac.cn/sitename?method=show&id=…”';
  }
  if (value.hostName) {
    const p = hostNameProblem(value.hostName);
    if (p) errors.hostName = p;
  }
  if (!value.hostUnitName) errors.hostUnitName = '请填写主办单位';
  else if (length(value.hostUnitName) > 100) errors.hostUnitName = '主办单位不能超过100个字';
  if (length(value.superiorGovernment) > 100) errors.superiorGovernment = '上一级人民政府名称不能超过100个字';
  else if (value.superiorGovernment && !/人民政府$/.test(value.superiorGovernment)) errors.superiorGovernment = '请填写人民政府的全称，如：楚雄彝族自治州人民政府';
  for (const key of ['basicCourt', 'intermediateCourt'] as const) {
    if (length(value[key]) > 100) errors[key] = '人民法院名称不能超过100个字';
    else if (value[key] && !/法院$/.test(value[key])) errors[key] = '请填写人民法院的全称，如：楚雄市人民法院';
  }
  if (length(value.demoNotice) > 200) errors.demoNotice = `提示文字不能超过200个字，当前为${length(value.demoNotice)}个字`;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
