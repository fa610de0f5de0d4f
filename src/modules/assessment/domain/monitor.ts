// 政府网站检查指标 (国办秘函〔2019〕19号, regulation.md §4.4) as pure rules over what a monitor saw of a
// site: the home page, its columns, its links, its availability probes, its messages and its 办事指南.
// Every finding names the rule, the URL, when it was seen and the evidence; single-veto findings say so.
// Thresholds are a table with the national defaults (the office may edit them).
import { addCalendarDays } from '../../../core/calendar/working-days.ts';
import type { SilentAccount } from '../../newmedia/index.ts';

export interface MonitorThresholds {
  /** 首页不更新: no new information on the home page within this many days (19号: 2周). */
  homeDays: number;
  /** 动态、要闻类栏目 (19号: 2周). */
  newsDays: number;
  /** 通知公告、政策文件类栏目 (19号: 6个月). */
  noticeMonths: number;
  /** Single veto when at least this many such columns are stale (19号: 5个). */
  staleColumnsVeto: number;
  /** Single veto when at least this many columns are blank (19号: 5个). */
  blankColumnsVeto: number;
  /** A probe slower than this counts as failed (19号: 15秒). */
  probeTimeoutMs: number;
  /** Single veto when failed probes reach this share, in per cent (19号: 5%). */
  probeFailPercent: number;
  /** Valid messages unanswered for more than this many months (19号: 3个月), among those of the last year. */
  unansweredMonths: number;
}

/** The national defaults, each from 国办秘函〔2019〕19号 单项否决指标. */
export const DEFAULT_THRESHOLDS: MonitorThresholds = {
  homeDays: 14,
  newsDays: 14,
  noticeMonths: 6,
  staleColumnsVeto: 5,
  blankColumnsVeto: 5,
  probeTimeoutMs: 15_000,
  probeFailPercent: 5,
  unansweredMonths: 3,
};

export type MonitorRule = 'home_stale' | 'column_stale' | 'column_blank' | 'columns_stale_veto' | 'columns_blank_veto' | 'link_broken' | 'unavailable' | 'message_unanswered' | 'guide_incomplete' | 'newmedia_stale' | 'link_unchecked';

export const RULE_CITATIONS: Record<MonitorRule, string> = {
  home_stale: '国办秘函〔2019〕19号 单项否决指标“首页不更新”：监测2周，首页无信息更新',
  column_stale: '国办秘函〔2019〕19号 “栏目不更新”：动态、要闻类栏目2周内、通知公告和政策文件类栏目6个月内未更新',
  columns_stale_veto: '国办秘函〔2019〕19号 单项否决指标“栏目不更新”：未更新栏目累计超过（含）5个',
  column_blank: '国办秘函〔2019〕19号 “栏目不更新”：空白栏目',
  columns_blank_veto: '国办秘函〔2019〕19号 单项否决指标“栏目不更新”：空白栏目超过（含）5个',
  link_broken: '国办秘函〔2019〕19号 扣分指标“链接可用性”：不可用链接',
  link_unchecked: '国办秘函〔2019〕19号 扣分指标“链接可用性”：外部链接本次未能检查（网络不可达或超时），仅作记录，不计为问题',
  unavailable: '国办秘函〔2019〕19号 单项否决指标“站点无法访问”：超过（含）15秒打不开的次数占比超过（含）5%',
  message_unanswered: '国办秘函〔2019〕19号 单项否决指标“互动回应差”：监测时间点前1年内存在超过3个月未回应的有效留言',
  guide_incomplete: '国办秘函〔2019〕19号 单项否决指标“服务不实用”：办事指南重点要素类别缺失',
  newmedia_stale: '国办秘函〔2019〕19号 政务新媒体单项否决指标“内容不更新”：监测时间点前2周内无更新',
};

export interface MonitorFinding {
  rule: MonitorRule;
  citation: string;
  veto: boolean;
  url: string;
  /** When the monitor saw it (ISO instant). */
  seenAt: string;
  evidence: string;
  /** The unit whose column or page it is; absent: the site as a whole (scored to the city's own unit). */
  unitId?: number;
  /** Recorded for the record only (e.g. external links the network did not let us check): not a problem, not scored. */
  info?: boolean;
}

export type ColumnKind = 'news' | 'notice' | 'other';

export interface ColumnObservation {
  name: string;
  url: string;
  kind: ColumnKind;
  /** Number of items the column lists. */
  items: number;
  /** Newest 发布日期 in the column; null when no item carries a date (19号: 未注明发布时间的视为不更新). */
  latest: string | null;
}

/** Adds calendar months to a 'YYYY-MM-DD' date, clamped to the month's last day (2026-08-31 − 6 months = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 首页不更新: nothing on the home page newer than `homeDays` before today. */
export function checkHome(url: string, latest: string | null, today: string, seenAt: string, t: MonitorThresholds): MonitorFinding[] {
  const since = addCalendarDays(today, -t.homeDays);
  if (latest && latest > since) return [];
  return [{ rule: 'home_stale', citation: RULE_CITATIONS.home_stale, veto: true, url, seenAt, evidence: latest ? `首页最新信息发布于 ${latest}，${t.homeDays}天内（${since} 之后）无更新` : '首页信息均未注明发布时间或没有信息' }];
}

/**
 * 栏目不更新 and 空白栏目: each stale or blank column is a finding; reaching the counts of the thresholds
 * adds a single-veto finding for the site.
 */
export function checkColumns(siteUrl: string, columns: readonly ColumnObservation[], today: string, seenAt: string, t: MonitorThresholds): MonitorFinding[] {
  const out: MonitorFinding[] = [];
  let stale = 0;
  let blank = 0;
  for (const c of columns) {
    if (c.items === 0) {
      blank++;
      out.push({ rule: 'column_blank', citation: RULE_CITATIONS.column_blank, veto: false, url: c.url, seenAt, evidence: `栏目“${c.name}”没有任何信息` });
      continue;
    }
    if (c.kind === 'other') continue;
    const since = c.kind === 'news' ? addCalendarDays(today, -t.newsDays) : addMonths(today, -t.noticeMonths);
    if (c.latest && c.latest > since) continue;
    stale++;
    const period = c.kind === 'news' ? `${t.newsDays}天` : `${t.noticeMonths}个月`;
    out.push({ rule: 'column_stale', citation: RULE_CITATIONS.column_stale, veto: false, url: c.url, seenAt, evidence: c.latest ? `栏目“${c.name}”最新信息发布于 ${c.latest}，${period}内（${since} 之后）未更新` : `栏目“${c.name}”的信息均未注明发布时间` });
  }
  if (stale >= t.staleColumnsVeto) out.push({ rule: 'columns_stale_veto', citation: RULE_CITATIONS.columns_stale_veto, veto: true, url: siteUrl, seenAt, evidence: `未更新栏目${stale}个（标准：${t.staleColumnsVeto}个及以上即单项否决）` });
  if (blank >= t.blankColumnsVeto) out.push({ rule: 'columns_blank_veto', citation: RULE_CITATIONS.columns_blank_veto, veto: true, url: siteUrl, seenAt, evidence: `空白栏目${blank}个（标准：${t.blankColumnsVeto}个及以上即单项否决）` });
  return out;
}

export interface Probe {
  at: string;
  /** HTTP status, or 0 when no answer. */
  status: number;
  ms: number;
}

/** 站点无法访问: a probe fails when it has no 2xx/3xx answer within the timeout; a share at or above the threshold is a single veto. */
export function checkAvailability(url: string, probes: readonly Probe[], seenAt: string, t: MonitorThresholds): MonitorFinding[] {
  if (!probes.length) return [];
  const failed = probes.filter((p) => p.status === 0 || p.status >= 400 || p.ms >= t.probeTimeoutMs);
  // Integer arithmetic: failed / total ≥ percent / 100.
  if (failed.length * 100 < t.probeFailPercent * probes.length) return [];
  const pct = ((failed.length * 100) / probes.length).toFixed(1);
  return [{ rule: 'unavailable', citation: RULE_CITATIONS.unavailable, veto: true, url, seenAt, evidence: `访问${probes.length}次，${failed.length}次超过${t.probeTimeoutMs / 1000}秒未打开或出错（${pct}%），首次失败于 ${failed[0]!.at}` }];
}

export interface LinkObservation {
  /** The page the link is on. */
  from: string;
  href: string;
  /** HTTP status of the target, 0 when it did not answer. */
  status: number;
}

/** Broken internal links: each target answering 4xx/5xx or not at all, once per (page, target). */
export function checkLinks(links: readonly LinkObservation[], seenAt: string): MonitorFinding[] {
  const seen = new Set<string>();
  const out: MonitorFinding[] = [];
  for (const l of links) {
    if (l.status > 0 && l.status < 400) continue;
    const key = `${l.from} ${l.href}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: 'link_broken', citation: RULE_CITATIONS.link_broken, veto: false, url: l.from, seenAt, evidence: `链接 ${l.href} ${l.status ? `返回 ${l.status}` : '无法访问'}` });
  }
  return out;
}

export interface MessageObservation {
  itemNo: string;
  url: string;
  receivedOn: string;
  /** null while unanswered. */
  repliedOn: string | null;
}

/**
 * 互动回应差: a valid message of the year before today still unanswered more than `unansweredMonths`
 * after it was received (answered later also counts: it was unanswered for that long).
 */
export function checkMessages(items: readonly MessageObservation[], today: string, seenAt: string, t: MonitorThresholds): MonitorFinding[] {
  const yearAgo = addMonths(today, -12);
  const out: MonitorFinding[] = [];
  for (const m of items) {
    if (m.receivedOn < yearAgo) continue;
    const limit = addMonths(m.receivedOn, t.unansweredMonths);
    const answered = m.repliedOn ?? today;
    if (answered <= limit) continue;
    out.push({ rule: 'message_unanswered', citation: RULE_CITATIONS.message_unanswered, veto: true, url: m.url, seenAt, evidence: m.repliedOn ? `留言 ${m.itemNo} 于 ${m.receivedOn} 收到，${m.repliedOn} 才回复，超过${t.unansweredMonths}个月（应于 ${limit} 前）` : `留言 ${m.itemNo} 于 ${m.receivedOn} 收到，至今未回复，已超过${t.unansweredMonths}个月（应于 ${limit} 前）` });
  }
  return out;
}

export interface GuideObservation {
  name: string;
  url: string;
  /** The unit whose guide it is, so 考核 charges the finding to it. */
  unitId?: number;
  /** The 19号 key elements (事项名称、设定依据、受理条件、申请材料、办理地点、办理时间、咨询电话、办理流程) it lacks. */
  missing: readonly string[];
}

/** 服务不实用: a published 办事指南 lacking a key element (19号, regulation-wave2 §3.4) is a single-veto finding. */
export function checkGuides(guides: readonly GuideObservation[], seenAt: string): MonitorFinding[] {
  const out: MonitorFinding[] = [];
  for (const g of guides) {
    if (g.missing.length) out.push({ rule: 'guide_incomplete', citation: RULE_CITATIONS.guide_incomplete, veto: true, url: g.url, seenAt, evidence: `办事指南“${g.name}”缺少：${g.missing.join('、')}`, ...(g.unitId ? { unitId: g.unitId } : {}) });
  }
  return out;
}

/** External links of a page: absolute http(s) addresses, without fragments (checked, not crawled). */
export function externalLinks(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref\s*=\s*"(https?:\/\/[^"]+)"/gi)) {
    try {
      const u = new URL(m[1]!.replace(/&amp;/g, '&').trim());
      u.hash = '';
      out.add(u.href);
    } catch {
      // not a URL: nothing to check
    }
  }
  return [...out];
}

export interface ExternalLinkObservation {
  from: string;
  href: string;
  /** HTTP status, or 'unchecked' when the network gave no answer (refused, no route, DNS, timeout). */
  status: number | 'unchecked';
}

/**
 * External links: a 4xx/5xx answer is a broken link like an internal one; links the network did not let
 * the monitor reach are recorded together as unchecked (information, not a problem).
 */
export function checkExternalLinks(links: readonly ExternalLinkObservation[], seenAt: string): MonitorFinding[] {
  const out: MonitorFinding[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    if (l.status === 'unchecked' || l.status < 400) continue;
    const key = `${l.from} ${l.href}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: 'link_broken', citation: RULE_CITATIONS.link_broken, veto: false, url: l.from, seenAt, evidence: `外部链接 ${l.href} 返回 ${l.status}` });
  }
  const unchecked = [...new Set(links.filter((l) => l.status === 'unchecked').map((l) => l.href))];
  if (unchecked.length) {
    const shown = unchecked.slice(0, 10).join('、');
    out.push({ rule: 'link_unchecked', citation: RULE_CITATIONS.link_unchecked, veto: false, info: true, url: '/', seenAt, evidence: `${unchecked.length}个外部链接未能检查：${shown}${unchecked.length > 10 ? ' 等' : ''}` });
  }
  return out;
}

/** Internal links of a page: same-site paths only (external links are not crawled), without fragments. */
export function internalLinks(html: string, pageUrl: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref\s*=\s*"([^"]*)"/gi)) {
    const raw = m[1]!.replace(/&amp;/g, '&').trim();
    if (!raw || raw.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(raw)) continue;
    let u: URL;
    try {
      u = new URL(raw, `http://site${pageUrl}`);
    } catch {
      continue;
    }
    if (u.host !== 'site') continue;
    out.add(u.pathname + u.search);
  }
  return [...out];
}

/** 新媒体不更新: each silent account is a single-veto finding for that account (19号 政务新媒体 内容不更新). */
export function checkNewMedia(accounts: readonly Omit<SilentAccount, 'id'>[], seenAt: string): MonitorFinding[] {
  return accounts.map((a) => ({
    rule: 'newmedia_stale' as const,
    citation: RULE_CITATIONS.newmedia_stale,
    veto: true,
    url: a.url,
    seenAt,
    evidence: `${a.unitName}的政务新媒体“${a.name}”（${a.platform}）${a.lastKnown ? `最近更新于 ${a.lastOn}` : `自 ${a.lastOn} 开设以来没有更新记录`}，已${a.days}天未更新（标准：${a.threshold}天）`,
  }));
}
