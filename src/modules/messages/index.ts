import type { ModuleManifest } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { sql } from 'drizzle-orm';
import { registerMessagesPublicRoutes } from './http/public-routes.tsx';
import { registerMessagesStaffRoutes } from './http/staff-routes.tsx';
import { registerMessagesKnowledgeRoutes } from './http/knowledge-routes.tsx';
import { seedMessages } from './seed.ts';
import { startMessageJobs } from './jobs.ts';
import { indexPublishedMessages } from './service.ts';
import type { PeriodicJob } from '../../core/jobs/periodic.ts';
import { messagesWorkQueue } from './work-queue.ts';

export { runMessageReminders } from './jobs.ts';

/** Messages received since a day that were accepted as valid (not refused or terminated), for the website monitor. */
export async function validMessagesSince(db: DbOrTx, rootUnitId: number, since: string): Promise<{ itemNo: string; receivedOn: string; repliedOn: string | null }[]> {
  const r = await db.execute(sql`SELECT item_no, received_on::text AS received_on, replied_on::text AS replied_on FROM msg_items
    WHERE root_unit_id = ${rootUnitId} AND received_on >= ${since} AND state NOT IN ('refused', 'terminated') AND merged_into IS NULL ORDER BY received_on, item_no`);
  return (r.rows as { item_no: string; received_on: string; replied_on: string | null }[]).map((x) => ({ itemNo: x.item_no, receivedOn: x.received_on, repliedOn: x.replied_on }));
}

/** Text similarity of two messages (0–1), the measure 并单 uses; for other modules' clustering. */
export { similarity as messageSimilarity } from './domain/merge.ts';

/** Messages received since an instant (not merged into another), with their 主题分类 label, for the 舆情 alerts. */
export async function messagesReceivedSince(db: DbOrTx, rootUnitId: number, since: Date): Promise<{ itemNo: string; title: string; content: string; subjectId: number | null; subjectLabel: string; receivedAt: Date }[]> {
  const r = await db.execute(sql`SELECT m.item_no, m.title, left(m.content, 500) AS content, m.subject_id, m.received_at,
      coalesce(CASE WHEN p.name IS NOT NULL THEN p.name || ' › ' ELSE '' END || s.name, '') AS subject_label
    FROM msg_items m LEFT JOIN msg_subjects s ON s.id = m.subject_id LEFT JOIN msg_subjects p ON p.id = s.parent_id
    WHERE m.root_unit_id = ${rootUnitId} AND m.received_at >= ${since.toISOString()} AND m.merged_into IS NULL ORDER BY m.received_at, m.item_no LIMIT 5000`);
  return (r.rows as { item_no: string; title: string; content: string; subject_id: string | null; received_at: string | Date; subject_label: string }[]).map((x) => ({
    itemNo: x.item_no,
    title: x.title,
    content: x.content,
    subjectId: x.subject_id === null ? null : Number(x.subject_id),
    subjectLabel: x.subject_label,
    receivedAt: new Date(x.received_at),
  }));
}

/** 互动交流: 书记/市长信箱, 部门/乡镇信箱, 咨询, 我为政府网站找错 and 96128 in one intake, dispatch, supervision and publication. */
export const messagesModule: ModuleManifest = {
  name: 'messages',
  publicNav: [{ href: '/messages', label: '互动交流' }],
  // 《政府网站发展指引》: every government site offers 我为政府网站找错 in its footer.
  footerLinks: [{ href: '/messages/write/site-error', label: '我为政府网站找错' }],
  staffNav: [{ href: '/staff/messages', label: '互动交流', visible: (u) => u.roles.some((r) => r !== 'security_admin') }],
  sitemap: [
    {
      title: '互动交流',
      links: [
        { href: '/messages', label: '互动交流' },
        { href: '/messages/write/secretary', label: '书记信箱' },
        { href: '/messages/write/mayor', label: '市长信箱' },
        { href: '/messages/write/unit', label: '部门/乡镇信箱' },
        { href: '/messages/write/consult', label: '网上咨询' },
        { href: '/messages/write/site-error', label: '我为政府网站找错' },
        { href: '/messages/lookup', label: '查询办理进度' },
      ],
    },
  ],
  seed: async (core, opts) => {
    await seedMessages(core, opts);
  },
  workQueue: (core, user) => messagesWorkQueue(core, user),
  register(app, core) {
    registerMessagesPublicRoutes(app, core);
    registerMessagesStaffRoutes(app, core);
    registerMessagesKnowledgeRoutes(app, core);
    let jobs: PeriodicJob | null = null;
    app.addHook('onReady', async () => {
      await indexPublishedMessages(core);
      jobs = startMessageJobs(core, { onError: (err) => app.log.error({ err }, 'message reminders failed') });
    });
    app.addHook('onClose', async () => jobs?.stop());
  },
};

/** 考核 (互动交流): valid messages of a city's units answered in a period or due in it, with their due day, reply day and rating. */
export async function assessmentMessageFacts(db: DbOrTx, rootUnitId: number, from: string, to: string): Promise<{ unitId: number; itemNo: string; dueOn: string; repliedOn: string | null; satisfaction: string | null; closedOn: string | null }[]> {
  const r = await db.execute(sql`SELECT unit_id, item_no, due_on::text AS due_on, replied_on::text AS replied_on, satisfaction, closed_on::text AS closed_on FROM msg_items
    WHERE root_unit_id = ${rootUnitId} AND unit_id IS NOT NULL AND state NOT IN ('refused', 'terminated') AND merged_into IS NULL
      AND ((replied_on BETWEEN ${from} AND ${to}) OR (replied_on IS NULL AND due_on BETWEEN ${from} AND ${to}))
    ORDER BY unit_id, item_no`);
  return (r.rows as { unit_id: string; item_no: string; due_on: string; replied_on: string | null; satisfaction: string | null; closed_on: string | null }[]).map((x) => ({
    unitId: Number(x.unit_id),
    itemNo: x.item_no,
    dueOn: x.due_on,
    repliedOn: x.replied_on,
    satisfaction: x.satisfaction,
    closedOn: x.closed_on,
  }));
}
