// The demo city's annual reports of the years before the platform (补录, every table entered by hand):
// the city government's last three years, and every other unit's last year, with figures that balance
// (一 + 二 = （七） + 四 per column; 二 = last year's 四) and written sections 一、五、六. Pure and
// deterministic; the seed checks every report with checkReport before storing it.
import { emptyS2, zeroS3, zeroS4, type ReportTables, type S3Table } from '../domain/tables.ts';
import { APPLICANT_TYPES, type OutcomeRow, type S3Column, type TextSection } from '../domain/template.ts';

export interface DemoReportUnit {
  id: number;
  name: string;
  type: string;
  isRoot: boolean;
}

export interface DemoReport {
  unitId: number;
  year: number;
  tables: ReportTables;
  texts: Record<TextSection, string>;
  publishedOn: string;
}

/** Share of closed requests per outcome, in the proportions county reports usually show. */
const OUTCOME_SHARES: readonly [OutcomeRow, number][] = [
  ['granted', 0.46],
  ['partial', 0.08],
  ['notHeld', 0.16],
  ['administrativeQuery', 0.06],
  ['petition', 0.05],
  ['thirdParty', 0.03],
  ['processInfo', 0.03],
  ['needsCreation', 0.03],
  ['repeated', 0.03],
  ['noClarification', 0.04],
  ['otherReason', 0.03],
];

/** Share of new requests per applicant column (自然人 dominate). */
const APPLICANT_SHARES: Record<(typeof APPLICANT_TYPES)[number], number> = { person: 0.8, business: 0.12, research: 0.01, nonprofit: 0.01, legal: 0.05, other: 0.01 };

function split(total: number, shares: readonly [string, number][]): Map<string, number> {
  const out = new Map<string, number>();
  let left = total;
  shares.forEach(([k, s], i) => {
    const n = i === shares.length - 1 ? left : Math.min(left, Math.floor(total * s));
    out.set(k, n);
    left -= n;
  });
  // What rounding left over goes to the first key (公开 / 自然人).
  if (left > 0) out.set(shares[0]![0], (out.get(shares[0]![0]) ?? 0) + left);
  return out;
}

/** Table 三 from the new requests, the ones carried in and the ones carried forward, per applicant column. */
export function balancedS3(newCount: number, carried: Partial<Record<S3Column, number>>, forward: Partial<Record<S3Column, number>>): S3Table {
  const t = zeroS3();
  const byColumn = split(newCount, Object.entries(APPLICANT_SHARES));
  for (const c of APPLICANT_TYPES) {
    const n = byColumn.get(c) ?? 0;
    const carriedIn = carried[c] ?? 0;
    const fwd = Math.min(forward[c] ?? 0, n + carriedIn);
    t.new[c] = n;
    t.carried[c] = carriedIn;
    t.forward[c] = fwd;
    const closed = n + carriedIn - fwd;
    for (const [row, k] of split(closed, OUTCOME_SHARES)) t[row as OutcomeRow][c] = k;
    t.total[c] = closed;
  }
  for (const row of Object.keys(t) as (keyof S3Table)[]) t[row].total = APPLICANT_TYPES.reduce((s, c) => s + t[row][c], 0);
  return t;
}

interface Figures {
  requests: number;
  forward: Partial<Record<S3Column, number>>;
  normative: { issued: number; repealed: number; inForce: number };
  licensing: number;
  penalty: number;
  enforcement: number;
  fees: string;
  review: { upheld: number; corrected: number; pending: number };
  lawsuits: { upheld: number; pending: number };
}

/** The figures of one unit and year: the city government's follow its published 2025 report (91 requests). */
function figuresOf(unit: DemoReportUnit, year: number, last: boolean, n: number): Figures {
  if (unit.isRoot) {
    const byYear: Record<number, Omit<Figures, 'forward'>> = {
      0: { requests: 91, normative: { issued: 3, repealed: 1, inForce: 27 }, licensing: 0, penalty: 0, enforcement: 0, fees: '0', review: { upheld: 2, corrected: 1, pending: 0 }, lawsuits: { upheld: 1, pending: 0 } },
      1: { requests: 78, normative: { issued: 4, repealed: 2, inForce: 25 }, licensing: 0, penalty: 0, enforcement: 0, fees: '0', review: { upheld: 3, corrected: 0, pending: 1 }, lawsuits: { upheld: 0, pending: 1 } },
      2: { requests: 64, normative: { issued: 2, repealed: 3, inForce: 23 }, licensing: 0, penalty: 0, enforcement: 0, fees: '0', review: { upheld: 1, corrected: 1, pending: 0 }, lawsuits: { upheld: 1, pending: 0 } },
    };
    const ago = last ? 0 : n;
    // Requests still open at the end of a year are carried into the next; none into the platform's first year.
    return { ...byYear[ago]!, forward: last ? {} : { person: 2, business: ago === 2 ? 1 : 0 } };
  }
  const seed = (unit.id * 7 + year) % 11;
  const township = unit.type === 'township';
  return {
    requests: township ? seed % 4 : 2 + seed,
    forward: {},
    normative: { issued: 0, repealed: 0, inForce: township ? 0 : seed % 3 },
    licensing: township ? 0 : (seed * 37) % 400,
    penalty: township ? 0 : (seed * 5) % 40,
    enforcement: township ? 0 : seed % 3,
    fees: township ? '0' : ['0', '0', '1.2', '0.35', '12.6'][seed % 5]!,
    review: { upheld: seed === 3 ? 1 : 0, corrected: 0, pending: 0 },
    lawsuits: { upheld: 0, pending: 0 },
  };
}

function texts(unit: DemoReportUnit, year: number, f: Figures, closed: number): Record<TextSection, string> {
  const who = unit.isRoot ? '楚雄市人民政府' : unit.name;
  return {
    overview: [
      `${year}年，${who}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进政务公开标准化规范化。`,
      `（一）主动公开。依照本机关政务公开事项标准目录主动公开政府信息，${f.normative.issued ? `制发行政规范性文件${f.normative.issued}件，` : ''}政策文件与解读材料同步发布。`,
      `（二）依申请公开。全年新收政府信息公开申请${f.requests}件，办结${closed}件，均在法定期限内答复。`,
      '（三）政府信息管理。严格执行公文公开属性源头认定和发布前保密审查制度，及时清理失效文件。',
      '（四）平台建设。依托政府门户网站“政府信息公开”专栏集中发布，完善检索、查阅和下载功能。',
      '（五）监督保障。将政务公开纳入年度绩效考核，开展业务培训，接受社会监督。',
    ].join('\n'),
    problems: [
      '（一）存在的主要问题。部分政策解读形式较为单一，个别领域信息更新不够及时。',
      `（二）改进情况。${year + 1}年将推行图解、问答等多种解读形式，按标准目录确定的公开时限逐项核查更新。`,
    ].join('\n'),
    other: [
      `（一）收取信息处理费情况。本年度收取信息处理费共计0元。`,
      '（二）人大代表建议和政协委员提案办理结果公开情况。按要求公开办理复文。',
      '（三）年度工作要点落实情况。已按年度政务公开工作要点完成各项任务。',
    ].join('\n'),
  };
}

/**
 * The reports: for the root unit the three years before `currentYear`, for every other unit the last
 * one; each published when such a report usually is (the city by 3月31日, others in January), and only
 * when that day is before `today`.
 */
export function demoReports(units: readonly DemoReportUnit[], currentYear: number, today: string): DemoReport[] {
  const out: DemoReport[] = [];
  for (const [i, unit] of units.entries()) {
    const years = unit.isRoot ? [currentYear - 3, currentYear - 2, currentYear - 1] : [currentYear - 1];
    let carried: Partial<Record<S3Column, number>> = {};
    years.forEach((year, k) => {
      const last = year === currentYear - 1;
      const f = figuresOf(unit, year, last, years.length - 1 - k);
      const s3 = balancedS3(f.requests, carried, f.forward);
      carried = Object.fromEntries(APPLICANT_TYPES.map((c) => [c, s3.forward[c]]));
      const s2 = emptyS2();
      s2.records.regulation = { issued: 0, repealed: 0, inForce: 0 };
      s2.records.normativeDocument = { ...f.normative };
      s2.decisions = { licensing: f.licensing, penalty: f.penalty, enforcement: f.enforcement };
      s2.feesWanYuan = f.fees;
      const s4 = zeroS4();
      s4.review = { ...f.review, other: 0, total: f.review.upheld + f.review.corrected + f.review.pending };
      s4.direct = { upheld: f.lawsuits.upheld, corrected: 0, other: 0, pending: f.lawsuits.pending, total: f.lawsuits.upheld + f.lawsuits.pending };
      const publishedOn = unit.isRoot ? `${year + 1}-03-${String(16 + k).padStart(2, '0')}` : `${year + 1}-01-${String(12 + (i % 18)).padStart(2, '0')}`;
      if (publishedOn >= today) return;
      out.push({ unitId: unit.id, year, tables: { s2, s3, s4 }, texts: texts(unit, year, f, s3.total.total), publishedOn });
    });
  }
  return out;
}
