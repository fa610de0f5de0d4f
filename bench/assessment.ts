// The 内容检查 part of `npm run bench` (also runnable alone: `node --import tsx bench/assessment.ts`): the
// content check of a 20-page document (about 24,000 characters) against the default tables plus 40
// leaders and 1,000 sensitive words, as publishing runs it before 审核通过.
import { p95, runAlone, withOwnDatabase, type Line } from './common.ts';
import { loadRecords } from './record-generator.ts';
import { runMonitor } from '../src/modules/assessment/service-monitor.ts';
import { computeScores } from '../src/modules/assessment/service-scoring.ts';
import type { PageFetcher } from '../src/modules/assessment/crawl.ts';
import { ContentChecker, type CheckTables } from '../src/modules/assessment/domain/content-check.ts';
import { MISSPELLINGS, RENAMED_ORGS, SENSITIVE_WORDS } from '../src/modules/assessment/domain/defaults.ts';

export type { Line } from './common.ts';

const PAGES = 20;
const SURNAMES = '王李张刘陈杨赵黄周吴';
const GIVEN = '建国明华立新丽萍志强海涛文斌晓燕德明';

function tables(): CheckTables {
  const leaders = Array.from({ length: 40 }, (_, i) => ({ name: `${SURNAMES[i % 10]}${GIVEN[i % 16]}${GIVEN[(i * 7) % 16]}`, title: ['市长', '副市长', '局长', '副局长'][i % 4]!, validFrom: '2021-01-01', validTo: null }));
  const sensitive = [...SENSITIVE_WORDS, ...Array.from({ length: 1000 }, (_, i) => ({ word: `敏感词${i}号`, level: 'warn' as const, note: '' }))];
  return { leaders, renamedOrgs: RENAMED_ORGS, misspellings: MISSPELLINGS, sensitive };
}

/** A page of 政府文件 prose (~1,200 characters) with a few findings in it. */
function page(n: number): string {
  const para = `第${n}部分 为深入贯彻落实党中央、国务院决策部署，市人民政府决定进一步加强政务公开标准化规范化工作。各乡镇人民政府、市直各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。市自然资源局、市生态环境局、市市场监督管理局要按照职责分工，做好本领域基层政务公开标准目录的编制和动态调整工作。`;
  const extra = n % 5 === 0 ? '联系人：张三，电话13908781234。市国土资源局负责配合，工作人员须佩带工作证。' : '';
  return Array.from({ length: 8 }, () => para).join('\n') + extra;
}

export async function benchAssessment(): Promise<Line[]> {
  const doc = Array.from({ length: PAGES }, (_, i) => page(i + 1)).join('\n');
  const t0 = performance.now();
  const checker = new ContentChecker(tables());
  const compileMs = performance.now() - t0;
  const t1 = performance.now();
  const first = checker.check([{ where: '正文', text: doc }], '2026-11-26');
  const coldMs = performance.now() - t1;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    checker.check([{ where: '正文', text: doc }], '2026-11-26');
    times.push(performance.now() - s);
  }
  const warm = p95(times);
  return [
    [`content check: tables compiled (${tables().sensitive.length} words)`, `${compileMs.toFixed(1)} ms`, '(measured)', true],
    [`content check: first ${PAGES}-page document (${doc.length} chars, ${first.length} findings)`, `${coldMs.toFixed(1)} ms`, '(includes loading the character table)', true],
    [`content check: ${PAGES}-page document, p95 of 30`, `${warm.toFixed(1)} ms`, '≤ 200 ms', warm <= 200],
  ];
}

const MONITOR_RECORDS = Number(process.env.BENCH_RECORDS || 100_000);

/** The website monitor's full pass, and the 考核 scores of a quarter, over a site with 100,000 public records. */
export async function benchMonitor(): Promise<Line[]> {
  return withOwnDatabase('2026-11-26T02:00:00Z', async (t) => {
    const root = Number((await t.core.pool.query(`SELECT id FROM units WHERE slug = 'city-government'`)).rows[0].id);
    const load = await loadRecords(t.core.pool, root, MONITOR_RECORDS);
    const fetch: PageFetcher = async (path) => {
      const s = performance.now();
      const res = await t.app.inject({ method: 'GET', url: path });
      return { status: res.statusCode, html: String(res.headers['content-type'] ?? '').startsWith('text/html') ? res.body : '', ms: performance.now() - s };
    };
    const t0 = performance.now();
    const run = await runMonitor(t.core, root, fetch);
    const monitorS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const scores = await computeScores(t.core, root, '2026-Q3');
    const scoreS = (performance.now() - t1) / 1000;
    return [
      [`monitor: records loaded`, `${MONITOR_RECORDS} in ${(load.ms / 1000).toFixed(1)} s`, '(setup)', true],
      [`monitor: full pass (${run.pages} pages, ${run.findings.length} findings)`, `${monitorS.toFixed(1)} s`, '≤ 60 s', monitorS <= 60],
      [`考核: scores of a quarter (${scores.length} units)`, `${scoreS.toFixed(2)} s`, '(measured)', true],
    ];
  });
}

runAlone(import.meta.url, async () => [...(await benchAssessment()), ...(await benchMonitor())]);
