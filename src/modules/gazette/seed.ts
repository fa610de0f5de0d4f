// Demo data for 楚雄市 (GONGKAI_DEMO_VOLUME=full): a bimonthly 政府公报 for 2025 and 2026 put together from
// the demo city's published records, with 人事任免 texts and a 勘误; the newest issue stays in editing; and
// two older issues (2024年第11、12期) as scans, uploaded as staff would and read by the OCR job.
// The lean volume (tests) loads nothing; tests call seedGazetteDemo themselves.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { systemActor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { listPublishedRecordCopies } from '../publishing/index.ts';
import { gazetteIssues } from './data/schema.ts';
import { gazetteRefusals } from './domain/eligibility.ts';
import { actOnIssue, addRecords, addText, contentsOf, createIssue, findIssue, governmentName, type GazetteActor } from './service.ts';
import { correctableArticles } from './service-read.ts';
import { createScan, findScan } from './scans.ts';
import { DEMO_SCANS } from './demo/scans.ts';

/** The demo gazette has run since 2020 (monthly until 2024, 总第60期 being 2024年第12期); the edited issues follow on. */
export const DEMO_OVERALL_BEFORE_2025 = 60;

export async function seedGazette(core: Core, opts: SeedOptions): Promise<void> {
  if (opts.volume !== 'full') return;
  const roots = await core.db.select().from(units).where(isNull(units.parentId));
  for (const r of roots) {
    if (gazetteRefusals(r).length) continue;
    await seedGazetteDemo(core, r.id, opts.log);
    await seedGazetteScansDemo(core, r.id, opts.log);
  }
}

const APPOINTMENTS: [string, string][] = [
  ['楚雄市人民政府关于张丽华等同志职务任免的通知', '经市人民政府研究决定：\n任命张丽华为楚雄市教育体育局副局长；\n任命李建国为楚雄市自然资源局副局长（试用期一年）；\n免去王海涛的楚雄市农业农村局副局长职务。'],
  ['楚雄市人民政府关于杨志明等同志职务任免的通知', '经市人民政府研究决定：\n任命杨志明为楚雄市市场监督管理局副局长；\n免去赵文斌的楚雄市住房和城乡建设局副局长职务，退休。'],
  ['楚雄市人民政府关于陈晓燕同志职务任免的通知', '经市人民政府研究决定：\n任命陈晓燕为楚雄市卫生健康局副局长；\n免去刘德明的楚雄市卫生健康局副局长职务。'],
];

/** The section of a record of the city: the government's, its office's, or a department's 规范性文件; townships' stay out. */
function sectionFor(government: string, publisher: string, docType: string): string | null {
  if (publisher === `${government}办公室`) return '政府办公室文件';
  if (publisher === government) return '政府文件';
  return docType === 'normative' && !/[镇乡]人民政府|街道办事处/.test(publisher) ? '部门文件' : null;
}

/** Issues for 2025 and 2026 up to today, two months each, numbered on from 总第60期; idempotent (skips issues that exist). */
function systemEditor(rootUnitId: number): GazetteActor {
  return {
    user: { id: 0, username: 'system', displayName: '系统', unitId: rootUnitId, unitName: '', rootUnitId, roles: ['openness_office'], mustChangePassword: false },
    audit: systemActor,
  };
}

/** The scanned past issues 2024年第11、12期 (committed page images); idempotent. OCR reads them after start. */
export async function seedGazetteScansDemo(core: Core, rootUnitId: number, log: (line: string) => void = () => {}): Promise<void> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');
  let made = 0;
  for (const s of DEMO_SCANS) {
    if (await findScan(core.db, rootUnitId, { year: s.year, number: s.number })) continue;
    const bytes = fs.readFileSync(path.join(dir, s.file));
    const r = await createScan(core, systemEditor(rootUnitId), { year: s.year, number: s.number, overall: s.overall, issuedOn: s.issuedOn, file: { filename: `${s.year}年第${s.number}期.png`, bytes } });
    if (!r.ok) throw new Error(`gazette demo scan: ${r.reasons.join(' ')}`);
    made++;
  }
  if (made) log(`政府公报：已上传${made}期往期公报扫描件（文字识别在后台进行）。`);
}

export async function seedGazetteDemo(core: Core, rootUnitId: number, log: (line: string) => void = () => {}): Promise<void> {
  const actor = systemEditor(rootUnitId);
  const today = shanghaiToday(core.clock.now());
  const government = await governmentName(core.db, rootUnitId);
  let overall = DEMO_OVERALL_BEFORE_2025;
  let made = 0;
  for (const year of [2025, 2026]) {
    for (let n = 1; n <= 6; n++) {
      const from = `${year}-${String(2 * n - 1).padStart(2, '0')}-01`;
      const lastMonth = 2 * n;
      const to = `${year}-${String(lastMonth).padStart(2, '0')}-${lastMonth === 2 ? (year % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(lastMonth) ? 30 : 31}`;
      if (from > today) break;
      overall++;
      const key = { year, number: n };
      if (await findIssue(core.db, rootUnitId, year, n)) continue;
      // Issued on the 15th of the month after the period; an issue whose date is still ahead stays in editing.
      const issuedOn = lastMonth === 12 ? `${year + 1}-01-15` : `${year}-${String(lastMonth + 1).padStart(2, '0')}-15`;
      const created = await createIssue(core, actor, { year, number: n, overall, issuedOn });
      if (!created.ok) throw new Error(`gazette demo: ${created.reasons.join(' ')}`);
      const sections = new Map((await contentsOf(core.db, created.issue.id)).map((c) => [c.section.name, c.section.id]));
      // Documents with a 文号 first (a gazette reprints documents), then in order of publication.
      const records = (await listPublishedRecordCopies(core.db, rootUnitId, { publishedFrom: from, publishedTo: to, limit: 400 })).reverse().sort((a, b) => Number(!a.docNo) - Number(!b.docNo));
      const picked = new Map<string, number[]>();
      for (const r of records) {
        const s = sectionFor(government, r.publisherName, r.docType);
        if (!s || !r.bodyHtml) continue;
        const list = picked.get(s) ?? [];
        if (list.length < (s === '部门文件' ? 4 : 3)) list.push(r.id);
        picked.set(s, list);
      }
      for (const [s, ids] of picked) await addRecords(core, actor, key, sections.get(s)!, ids);
      if (n % 2 === 1) {
        const [title, body] = APPOINTMENTS[(n + year) % APPOINTMENTS.length]!;
        await addText(core, actor, key, { sectionId: sections.get('人事任免')!, title, issuer: '楚雄市人民政府', docNo: '', writtenOn: from.replace(/-01$/, '-20'), body });
      }
      if (year === 2025 && n === 3) {
        const target = (await correctableArticles(core.db, rootUnitId)).find((a) => a.year === 2025 && a.number === 2);
        if (target) await addText(core, actor, key, { sectionId: sections.get('其他')!, title: '勘误', issuer: '楚雄市人民政府公报编辑部', docNo: '', writtenOn: null, body: `本刊2025年第2期刊登的《${target.title}》，正文第二段中“2024年”应为“2025年”，特此更正。`, correctsArticleId: target.id }, 'erratum');
      }
      if (issuedOn <= today) for (const a of ['proofread', 'approve', 'release'] as const) await actOnIssue(core, actor, key, a);
      made++;
    }
  }
  if (made) log(`政府公报：已生成${made}期演示公报。`);
}

/** Whether any issue exists (for tests). */
export async function hasIssues(core: Core, rootUnitId: number): Promise<boolean> {
  const rows = await core.db.select({ id: gazetteIssues.id }).from(gazetteIssues).where(and(eq(gazetteIssues.rootUnitId, rootUnitId))).limit(1);
  return rows.length > 0;
}
