// Demo data for 楚雄市: the city's 政务新媒体 accounts (the government's 微信公众号, 楚雄发布 on 微博 and
// 抖音, department accounts, one 关停, one awaiting approval, one change pending), one account silent for
// three weeks, and posts in every review state. Invented, plausible; times relative to now; loaded once.
import { sql } from 'drizzle-orm';
import type { Core } from '../../../core/services.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { addCalendarDays } from '../../../core/calendar/working-days.ts';
import { newmediaAccounts, newmediaPostEvents, newmediaPosts, newmediaRequests, type AccountFields, type PostAction } from '../data/schema.ts';
import type { AccountState } from '../domain/accounts.ts';
import { DEFAULT_REVIEW_STEPS, type PostState } from '../domain/posts.ts';
import { cleanBody } from '../service.ts';

interface AccountSeed extends AccountFields {
  unit: string;
  openedOn: string;
  state: AccountState;
  /** Days ago of the last update recorded by staff (null: none). */
  updatedAgo: number | null;
  closedOn?: string;
  /** A request on record: [kind, state, days ago, notice]. */
  requests?: [kind: 'open' | 'change' | 'close' | 'cancel', state: 'pending' | 'approved', ago: number, notice: string, fields?: AccountFields][];
}

const ACCOUNTS: AccountSeed[] = [
  { unit: 'government-office', name: '楚雄市人民政府', platform: '微信公众号', handle: 'cxsrmzf', url: 'https://mp.weixin.example.cn/cxsrmzf', operator: '楚雄市融媒体中心', manager: '陈志刚', openedOn: '2017-06-12', state: 'active', updatedAgo: 1 },
  { unit: 'government-office', name: '楚雄发布', platform: '微博', handle: '楚雄发布（UID 5828193020）', url: 'https://weibo.example.cn/cxfb', operator: '楚雄市融媒体中心', manager: '王晓燕', openedOn: '2013-03-20', state: 'active', updatedAgo: 0 },
  { unit: 'government-office', name: '楚雄发布', platform: '抖音', handle: 'cxfb2019', url: 'https://www.douyin.example.cn/user/cxfb2019', operator: '楚雄市融媒体中心', manager: '王晓燕', openedOn: '2019-08-01', state: 'active', updatedAgo: 3 },
  { unit: 'government-office', name: '楚雄市人民政府', platform: '今日头条', handle: '楚雄市人民政府', url: 'https://www.toutiao.example.cn/c/cxsrmzf', operator: '楚雄市融媒体中心', manager: '李俊', openedOn: '2018-05-16', state: 'active', updatedAgo: 2 },
  { unit: 'education-sports', name: '楚雄教育体育', platform: '微信公众号', handle: 'cxjiaoti', url: 'https://mp.weixin.example.cn/cxjiaoti', operator: '', manager: '罗文静', openedOn: '2018-09-03', state: 'active', updatedAgo: 5 },
  { unit: 'health', name: '健康楚雄', platform: '微信公众号', handle: 'jiankangcx', url: 'https://mp.weixin.example.cn/jiankangcx', operator: '', manager: '毕丽芳', openedOn: '2019-04-07', state: 'active', updatedAgo: 21 },
  { unit: 'culture-tourism', name: '楚雄文旅', platform: '抖音', handle: 'cxwenlv', url: 'https://www.douyin.example.cn/user/cxwenlv', operator: '云南彝乡文化传媒有限公司', manager: '鲁燕萍', openedOn: '2021-02-10', state: 'active', updatedAgo: 4 },
  { unit: 'emergency', name: '楚雄应急', platform: '今日头条', handle: '楚雄应急', url: 'https://www.toutiao.example.cn/c/cxyingji', operator: '', manager: '张明', openedOn: '2020-06-18', state: 'active', updatedAgo: 6 },
  { unit: 'transport', name: '楚雄交通', platform: '视频号', handle: 'cxjiaotong', url: 'https://channels.weixin.example.cn/cxjiaotong', operator: '', manager: '沈丽', openedOn: '2022-03-01', state: 'active', updatedAgo: 7, requests: [['change', 'pending', 1, '', { name: '楚雄交通运输', platform: '视频号', handle: 'cxjiaotong', url: 'https://channels.weixin.example.cn/cxjiaotong', operator: '', manager: '沈丽' }]] },
  { unit: 'market-regulation', name: '楚雄市场监管', platform: '微博', handle: '楚雄市场监管（UID 6120388452）', url: 'https://weibo.example.cn/cxscjg', operator: '', manager: '杨波', openedOn: '2016-11-08', state: 'closed', updatedAgo: null, closedOn: '', requests: [['close', 'approved', 40, '因工作调整，本账号自即日起停止更新，市场监管信息请关注“楚雄市人民政府”微信公众号和楚雄市人民政府网站。']] },
  { unit: 'donggua', name: '东瓜发布', platform: '微信公众号', handle: 'dgfabu', url: 'https://mp.weixin.example.cn/dgfabu', operator: '', manager: '杨信息', openedOn: '', state: 'proposed', updatedAgo: null, requests: [['open', 'pending', 2, '']] },
];

interface PostSeed {
  account: number;
  title: string;
  body: string;
  state: PostState;
  /** For in_review: the waiting step. */
  step?: number;
  daysAgo: number;
  returnReason?: string;
}

const POSTS: PostSeed[] = [
  { account: 0, title: '楚雄市2026年秋冬季森林防火工作部署', body: '近日，楚雄市召开秋冬季森林防火工作会议，部署全市森林草原防灭火工作。\n\n会议要求，各乡镇、各部门压实责任，严格野外火源管控，加强巡山护林。', state: 'released', daysAgo: 2 },
  { account: 0, title: '楚雄市城乡居民医保2027年度集中缴费开始', body: '2027年度城乡居民基本医疗保险集中缴费期为2026年9月1日至12月31日。\n\n可通过“云南医保”小程序、银行网点等渠道缴费。', state: 'released', daysAgo: 6 },
  { account: 1, title: '鹿城南路雨污分流改造完工通车', body: '经过三个月施工，鹿城南路雨污分流改造工程已完工，今日起恢复双向通行。', state: 'ready', daysAgo: 1 },
  { account: 0, title: '楚雄市2026年公开招聘社区工作者公告', body: '根据工作需要，楚雄市面向社会公开招聘社区工作者30名。\n\n报名时间：2026年12月1日至12月7日。', state: 'in_review', step: 2, daysAgo: 1 },
  { account: 4, title: '2027年春季学期义务教育招生政策问答', body: '一、哪些学生可以在楚雄市就读？\n\n二、如何办理转学手续？', state: 'in_review', step: 1, daysAgo: 1 },
  { account: 6, title: '彝族年系列文化活动安排', body: '2026年彝族年期间，楚雄市将举办火把广场文艺展演、彝族刺绣展等系列活动。', state: 'in_review', step: 0, daysAgo: 0 },
  { account: 7, title: '冬季道路结冰安全出行提示', body: '近期气温下降，部分山区路段可能出现道路结冰，请广大驾驶员减速慢行。', state: 'returned', daysAgo: 2, returnReason: '请补充易结冰路段名单和交警服务电话，并核对预警等级的表述。' },
  { account: 1, title: '楚雄市2026年第四季度重点项目集中开工', body: '（草稿）第四季度全市集中开工重点项目12个，总投资……', state: 'draft', daysAgo: 0 },
];

export async function seedNewmediaDemo(core: Core, rootUnitId: number, log: (s: string) => void): Promise<void> {
  const existing = (await core.db.execute(sql`SELECT count(*)::int AS n FROM newmedia_accounts WHERE root_unit_id = ${rootUnitId}`)).rows[0] as { n: number };
  if (existing.n > 0) return;
  const unitRows = (await core.db.execute(sql`SELECT id, slug FROM units WHERE id = ${rootUnitId} OR root_id = ${rootUnitId}`)).rows as { id: string; slug: string }[];
  const unit = (slug: string) => unitRows.find((u) => u.slug === slug);
  if (ACCOUNTS.some((a) => !unit(a.unit))) return; // not the demo city
  const staff = (await core.db.execute(sql`SELECT id, username, display_name FROM staff_users WHERE username IN ('gkb', 'gkb_head', 'dgz_editor')`)).rows as { id: string; username: string; display_name: string }[];
  const who = (u: string) => {
    const s = staff.find((x) => x.username === u);
    return { id: s ? Number(s.id) : null, name: s?.display_name ?? u };
  };
  const office = who('gkb');
  const author = who('gkb_head');
  // Earlier signatures by the office's leaders (no accounts in the demo): the 李政务 account can take the next step.
  const reviewers = [{ id: null, name: '李俊（市政府办公室副主任）' }, { id: null, name: '王晓燕（市政府办公室副主任）' }, { id: null, name: '陈志刚（市政府办公室主任）' }];
  const now = core.clock.now();
  const today = shanghaiToday(now);
  const D = 86_400_000;
  await core.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const a of ACCOUNTS) {
      const { unit: slug, updatedAgo, requests, closedOn, openedOn, state, ...fields } = a;
      const [row] = await tx
        .insert(newmediaAccounts)
        .values({ rootUnitId, ...fields, hostUnitId: Number(unit(slug)!.id), openedOn: openedOn || today, state, lastRecordedOn: updatedAgo === null ? null : addCalendarDays(today, -updatedAgo), closedOn: state === 'closed' ? addCalendarDays(today, -40) : closedOn || null })
        .returning({ id: newmediaAccounts.id });
      ids.push(row!.id);
      for (const [kind, rstate, ago, notice, proposed] of requests ?? []) {
        const at = new Date(now.getTime() - ago * D);
        const requester = slug === 'donggua' ? who('dgz_editor') : office;
        await tx.insert(newmediaRequests).values({
          accountId: row!.id,
          kind,
          state: rstate,
          fields: kind === 'open' ? fields : (proposed ?? null),
          notice,
          requestedBy: requester.id,
          requestedByName: requester.name,
          requestedAt: at,
          decidedByName: rstate === 'approved' ? who('gkb_head').name : null,
          decidedAt: rstate === 'approved' ? new Date(at.getTime() + 3 * 3_600_000) : null,
        });
      }
    }
    const chain = [...DEFAULT_REVIEW_STEPS];
    for (const p of POSTS) {
      const created = new Date(now.getTime() - p.daysAgo * D - 6 * 3_600_000);
      const submitted = p.state === 'draft' ? null : new Date(created.getTime() + 3_600_000);
      const passed = p.state === 'in_review' ? p.step! : p.state === 'ready' || p.state === 'released' ? chain.length : p.state === 'returned' ? 1 : 0;
      const approvedAt = passed === chain.length ? new Date(created.getTime() + (2 + chain.length) * 3_600_000) : null;
      const releasedAt = p.state === 'released' ? new Date(approvedAt!.getTime() + 3_600_000) : null;
      const [post] = await tx
        .insert(newmediaPosts)
        .values({ accountId: ids[p.account]!, title: p.title, bodyHtml: cleanBody(p.body), state: p.state, chain: p.state === 'draft' ? [] : chain, step: p.state === 'returned' ? 0 : passed, round: submitted ? 1 : 0, authorId: author.id!, authorName: author.name, returnReason: p.returnReason ?? '', approvedAt, releasedAt, releasedUrl: releasedAt ? `${ACCOUNTS[p.account]!.url}/${releasedAt.getTime().toString(36)}` : '', createdAt: created, updatedAt: releasedAt ?? approvedAt ?? submitted ?? created })
        .returning({ id: newmediaPosts.id });
      const ev = (action: PostAction, at: Date, actor: { id: number | null; name: string }, extra: { step?: number; reason?: string } = {}) =>
        tx.insert(newmediaPostEvents).values({ postId: post!.id, action, at, actorId: actor.id, actorName: actor.name, step: extra.step ?? null, stepName: extra.step !== undefined ? chain[extra.step]! : '', round: action === 'create' ? 0 : 1, reason: extra.reason ?? '' });
      await ev('create', created, author);
      if (!submitted) continue;
      await ev('submit', submitted, author);
      for (let s = 0; s < passed; s++) await ev('approve', new Date(submitted.getTime() + (s + 1) * 3_600_000), reviewers[s]!, { step: s });
      if (p.state === 'returned') await ev('return', new Date(submitted.getTime() + 2 * 3_600_000), reviewers[1]!, { step: 1, reason: p.returnReason });
      if (releasedAt) await ev('release', releasedAt, author);
    }
  });
  log(`政务新媒体演示数据：${ACCOUNTS.length} 个账号，${POSTS.length} 篇稿件。`);
}
