// The decisions part of `npm run bench` (also runnable alone: `node --import tsx bench/decisions.ts`), on
// its own embedded PostgreSQL: the demo city plus 1,000 decisions (5 steps each) and 10,000 progress
// reports over 100 key tasks loaded with INSERT … SELECT, then a dossier page and the results page timed.
import { p95, runAlone, withOwnDatabase, type Line } from './common.ts';
import { seedDecisionsDemo } from '../src/modules/decisions/demo/seed-demo.ts';

const DECISIONS = 1000;
const TASKS = 100;
const REPORTS_PER_TASK = 100;
const REQUESTS = 100;

export type { Line } from './common.ts';

export async function benchDecisions(): Promise<Line[]> {
  return withOwnDatabase('2026-11-26T02:00:00Z', async (t) => {
    const q = (sql: string, p: unknown[] = []) => t!.core.pool.query(sql, p);
    const root = Number((await q("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
    await seedDecisionsDemo(t.core, root, '2026-11-26');
    const lead = Number((await q("SELECT id FROM units WHERE slug = 'water'")).rows[0].id);
    const l0 = performance.now();
    await q(
      `INSERT INTO decisions_items (public_code, root_unit_id, year, title, lead_unit_id, basis, planned_on)
       SELECT 'jcbench' || g, $1, 2026, '压测决策事项' || g, $2, '《重大行政决策程序暂行条例》', date '2026-12-31' FROM generate_series(1, $3) g`,
      [root, lead, DECISIONS],
    );
    await q(
      `INSERT INTO decisions_steps (decision_id, step, state, done_on, actor, summary, skip_reason, recorded_by_name, recorded_at)
       SELECT d.id, s.step, s.state, CASE WHEN s.state = 'done' THEN date '2026-05-01' END, '市水务局', '办理情况', CASE WHEN s.state = 'skipped' THEN '不适用' END, '压测', now()
       FROM decisions_items d CROSS JOIN (VALUES ('launch','done'),('participation','skipped'),('expert','done'),('risk','done'),('hearing','skipped')) s(step, state)
       WHERE d.public_code LIKE 'jcbench%'`,
    );
    await q(
      `INSERT INTO decisions_tasks (public_code, root_unit_id, year, source, title, lead_unit_id, starts_on, due_on, sort_order)
       SELECT 'zdbench' || g, $1, 2026, '2026年市政府工作报告', '压测重点工作' || g, $2, date '2026-02-01', date '2026-12-31', 100 + g FROM generate_series(1, $3) g`,
      [root, lead, TASKS],
    );
    await q(
      `INSERT INTO decisions_progress (task_id, submission_key, reported_on, percent, done, state, submitted_by_name, submitted_at)
       SELECT t.id, 'bench-' || t.id || '-' || g, date '2026-02-01' + g, least(g, 100), '进展', 'published', '压测', now()
       FROM decisions_tasks t CROSS JOIN generate_series(1, $1) g WHERE t.public_code LIKE 'zdbench%'`,
      [REPORTS_PER_TASK],
    );
    await q('ANALYZE');
    const loadMs = performance.now() - l0;
    const dossier = String((await q("SELECT public_code FROM decisions_items WHERE title = '楚雄市城市公共交通票价调整方案'")).rows[0].public_code);
    const anon = t.client();
    const time = async (url: string) => {
      await anon.get(url);
      const times: number[] = [];
      let bad = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const s = performance.now();
        const r = await anon.get(url);
        times.push(performance.now() - s);
        if (r.statusCode !== 200) bad++;
      }
      return { p95: p95(times), bad };
    };
    const d = await time(`/decisions/items/${dossier}`);
    const r = await time('/decisions/results/2026');
    process.stdout.write(`\n决策公开: ${DECISIONS} decisions + ${TASKS * REPORTS_PER_TASK} progress reports loaded in ${(loadMs / 1000).toFixed(1)} s; dossier p95 ${d.p95.toFixed(1)} ms, results p95 ${r.p95.toFixed(1)} ms\n`);
    return [
      [`decision dossier page p95 (${DECISIONS} decisions)`, `${d.p95.toFixed(1)} ms`, '≤ 50 ms', d.p95 <= 50 && d.bad === 0],
      [`results page p95 (${(TASKS * REPORTS_PER_TASK) / 1000}k reports)`, `${r.p95.toFixed(1)} ms`, '≤ 50 ms', r.p95 <= 50 && r.bad === 0],
    ];
  });
}

runAlone(import.meta.url, benchDecisions);
