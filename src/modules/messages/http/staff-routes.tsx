// Staff routes of 互动交流: list, 96128 registration, item page and its actions, dashboard, xlsx
// export, time-limit settings.
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { addCalendarDays } from '../../../core/calendar/working-days.ts';
import { publicUnitsOfRoot } from '../../units/index.ts';
import { parseItemNo } from '../domain/intake.ts';
import { dueStatus } from '../domain/clock.ts';
import { ACTIONS, ACTION_LABELS, MESSAGE_STATES, SATISFACTION_LABELS, STATE_LABELS, availableActions, type Action, type Satisfaction } from '../domain/states.ts';
import { REFUSAL_REASONS, type RefusalReason } from '../domain/refusals.ts';
import { act, canViewItem, clockSteps, findItemByNo, getLimits, isDispatcher, messageCalendar, partiesOf, seesCallerIdentity, submitMessage, today, updateLimits, type ItemRow, type MessageActor } from '../service.ts';
import { submitAnsweredNow, suggestKnowledge, type KnowledgeEntry } from '../service-knowledge.ts';
import { duplicatesOf, mainItemOf, mergeItem, mergedItemsOf, mergedVisitOpen, recordMergedVisit, unmergeItem } from '../service-merge.ts';
import { MERGEABLE_STATES } from '../domain/merge.ts';
import { messageFromRequest, transferToRequest } from '../service-handover.ts';
import { addSubject, changeItemSubject, listSubjects, moveSubjectBy, renameSubject, retireSubject } from '../service-subjects.ts';
import { subjectChoices, subjectFilterIds, subjectLabel, subjectTree, type SubjectRow } from '../domain/subjects.ts';
import { dashboard, forgetPublishedCounts, historyOf, listItems, unitStatistics, type ListFilter } from '../service-read.ts';
import { SubjectsPage } from '../views/subjects.tsx';
import { ACTION_FIELDS, DashboardPage, type MergeView, HotlineFormPage, ItemPage, RegisteredPage, SettingsPage, StaffListPage, type FailedAction } from '../views/staff.tsx';
import { HTML, newKey, ordered, pageParam, queryText, readMessageForm } from './public-routes.tsx';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VIEW_ROLES = ['editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head', 'auditor'] as const;
const DISPATCH_ROLES = ['openness_office', 'openness_head'] as const;

function staffActor(req: FastifyRequest): MessageActor {
  return { kind: 'staff', user: req.user!, audit: actorOf(req) };
}

/** A value a spreadsheet would run as a formula is kept as text (OWASP "CSV injection"). */
function safe(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function registerMessagesStaffRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...VIEW_ROLES) };
  const dispatchGuard = { preHandler: requireStaff(...DISPATCH_ROLES) };
  const unitsOf = async (req: FastifyRequest) => (await publicUnitsOfRoot(core, req.user!.rootUnitId)).filter((u) => u.type !== 'other');

  function filterOf(req: FastifyRequest): ListFilter {
    const q = req.query as Record<string, unknown>;
    const state = queryText(q.state, 30);
    const unit = queryText(q.unit, 12);
    const received = queryText(q.received, 10);
    const sat = queryText(q.satisfaction, 20);
    const sup = queryText(q.supervised, 20);
    return {
      state: state === 'open' || (MESSAGE_STATES as readonly string[]).includes(state) ? state : '',
      due: queryText(q.due, 10) === 'overdue' ? 'overdue' : '',
      supervised: sup === 'supervised' || sup === 'flagged' ? sup : '',
      unitId: /^\d{1,12}$/.test(unit) ? Number(unit) : undefined,
      received: /^\d{4}-\d{2}-\d{2}$/.test(received) ? received : '',
      satisfaction: Object.hasOwn(SATISFACTION_LABELS, sat) ? sat : '',
      subjectId: /^\d{1,12}$/.test(queryText(q.subject, 12)) ? Number(queryText(q.subject, 12)) : undefined,
      q: queryText(q.q, 50),
      page: pageParam(q.page),
    };
  }

  app.get('/staff/messages', guard, async (req, reply) => {
    const f = filterOf(req);
    const t = today(core);
    const subjects = await listSubjects(core.db, req.user!.rootUnitId);
    // A first-level subject takes its children; an unknown id matches nothing.
    if (f.subjectId) f.subjectIds = subjects.some((x) => x.id === f.subjectId) ? subjectFilterIds(subjects, f.subjectId) : [-1];
    const [list, units] = await Promise.all([listItems(core, req.user!, f, t), unitsOf(req)]);
    const subjectOptions = subjectTree(subjects).flatMap((top) => [top, ...top.children]).map((x) => ({ id: x.id, label: subjectLabel(subjects, x.id) }));
    return reply.type(HTML).send(renderDocument(<StaffListPage ctx={pageContext(req, reply)} rows={list.rows} total={list.total} filter={f} today={t} isDispatcher={isDispatcher(req.user!)} units={units.map((u) => ({ id: u.id, name: u.name }))} subjects={subjectOptions} />));
  });

  // ------------------------------------------------------------------------------------------
  // 96128: the call-taker's registration form

  const renderHotline = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldErrors, status = 200, knowledge?: KnowledgeEntry[]) => {
    const key = /^[A-Za-z0-9_-]{16,100}$/.test(values.idempotencyKey ?? '') ? values.idempotencyKey! : newKey();
    const subjects = subjectChoices(await listSubjects(core.db, req.user!.rootUnitId));
    return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(<HotlineFormPage ctx={pageContext(req, reply)} values={values} errors={ordered(errors)} idempotencyKey={key} knowledge={knowledge} subjects={subjects} />));
  };

  app.get('/staff/messages/hotline', dispatchGuard, async (req, reply) => renderHotline(req, reply, {}, {}));

  // Three buttons: register; look the call up in the 知识库 (the form comes back with the entries);
  // register and answer at once from the chosen entry (即时答复, closed on the spot).
  app.post('/staff/messages/hotline', dispatchGuard, async (req, reply) => {
    const f = readMessageForm(req.body);
    const form = new FormReader(req.body);
    const intent = form.raw('intent');
    const knowledgeRaw = form.raw('knowledgeId').trim().slice(0, 12);
    f.values.knowledgeId = knowledgeRaw;
    const lookFor = `${f.values.title ?? ''} ${f.values.content ?? ''}`.trim();
    const suggestions = () => suggestKnowledge(core, req.user!.rootUnitId, f.values.title || lookFor, { validOnly: false });
    if (intent === 'find') {
      if (!lookFor) return renderHotline(req, reply, f.values, { title: '请先填写来电事由，再查找知识库' }, 400);
      return renderHotline(req, reply, f.values, {}, 200, await suggestions());
    }
    const input = {
      rootUnitId: req.user!.rootUnitId,
      channel: 'hotline' as const,
      fields: { kind: f.values.kind!, title: f.values.title!, content: f.values.content!, callerName: f.values.callerName!, callerPhone: f.values.callerPhone!, callerEmail: '', mailboxUnit: '' },
      keepIdentity: f.keepIdentity,
      allowPublication: f.allowPublication,
      idempotencyKey: f.idempotencyKey,
      audit: actorOf(req),
      staff: req.user!,
      subjectId: /^\d{1,12}$/.test(f.values.subjectId ?? '') ? f.values.subjectId : f.values.subjectId ? 'x' : '',
    };
    if (intent === 'answer') {
      if (!/^\d{1,12}$/.test(knowledgeRaw)) return renderHotline(req, reply, f.values, { knowledgeId: '请选择用于即时答复的知识库条目' }, 400, await suggestions());
      const r = await submitAnsweredNow(core, { ...input, staffActor: staffActor(req), knowledgeId: Number(knowledgeRaw) });
      if (!r.ok) return renderHotline(req, reply, f.values, Object.keys(r.errors).length ? r.errors : { knowledgeId: r.reasons.join('；') }, 400, await suggestions());
      return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<RegisteredPage ctx={pageContext(req, reply)} itemNo={r.itemNo} lookupCode={r.lookupCode} answeredNow />));
    }
    const r = await submitMessage(core, input);
    if (!r.ok) return renderHotline(req, reply, f.values, r.errors, 400);
    return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<RegisteredPage ctx={pageContext(req, reply)} itemNo={r.itemNo} lookupCode={r.lookupCode} />));
  });

  // ------------------------------------------------------------------------------------------
  // Dashboard, export, settings (the openness office)

  app.get('/staff/messages/dashboard', dispatchGuard, async (req, reply) => {
    const t = today(core);
    const since = addCalendarDays(t, -364);
    const [d, stats] = await Promise.all([dashboard(core, req.user!.rootUnitId, t), unitStatistics(core, req.user!.rootUnitId, since)]);
    return reply.type(HTML).send(renderDocument(<DashboardPage ctx={pageContext(req, reply)} d={d} stats={stats} since={since} />));
  });

  app.get('/staff/messages/dashboard.xlsx', dispatchGuard, async (req, reply) => {
    const t = today(core);
    const since = addCalendarDays(t, -364);
    const [d, stats] = await Promise.all([dashboard(core, req.user!.rootUnitId, t), unitStatistics(core, req.user!.rootUnitId, since)]);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Gongkai';
    const s1 = wb.addWorksheet('各单位办理情况');
    s1.addRow([`各单位办理情况（${since} 至 ${t} 受理）`]).font = { bold: true, size: 14 };
    s1.addRow(['单位', '受理', '办结', '已回复', '按时回复', '按时办结率', '已评价', '满意和基本满意', '满意率', '平均办理工作日']).font = { bold: true };
    for (const s of stats) s1.addRow([safe(s.unitName), s.received, s.closed, s.replied, s.onTime, s.replied ? s.onTime / s.replied : null, s.rated, s.satisfied, s.rated ? s.satisfied / s.rated : null, s.avgDays]);
    s1.getColumn(6).numFmt = '0.0%';
    s1.getColumn(9).numFmt = '0.0%';
    s1.getColumn(1).width = 28;
    const s2 = wb.addWorksheet('未办结和超期');
    s2.addRow(['单位', '未办结', '其中超期']).font = { bold: true };
    for (const u of d.openByUnit) s2.addRow([safe(u.unitName), u.open, u.overdue]);
    s2.getColumn(1).width = 28;
    const s3 = wb.addWorksheet('每日受理');
    s3.addRow(['日期', '受理']).font = { bold: true };
    for (const x of d.perDay) s3.addRow([x.day, x.n]);
    const s4 = wb.addWorksheet('满意度');
    s4.addRow(['评价', '件数']).font = { bold: true };
    for (const x of d.satisfaction) s4.addRow([SATISFACTION_LABELS[x.key as Satisfaction], x.n]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return reply.type(XLSX).header('content-disposition', contentDisposition(`互动交流统计-${t}.xlsx`, { ascii: `messages-${t}.xlsx` })).send(buf);
  });

  app.get('/staff/messages/settings', dispatchGuard, async (req, reply) => {
    const limits = await getLimits(core.db, req.user!.rootUnitId);
    return reply.type(HTML).send(renderDocument(<SettingsPage ctx={pageContext(req, reply)} limits={limits} values={{}} errors={{}} />));
  });

  app.post('/staff/messages/settings', dispatchGuard, async (req, reply) => {
    const form = new FormReader(req.body);
    const keys = ['days_consult', 'days_help', 'days_suggestion', 'days_complaint', 'days_report', 'days_site_error', 'signDays', 'maxExtensionDays', 'remindBeforeDays'];
    const input: Record<string, number | undefined> = {};
    const values: Record<string, string> = {};
    for (const k of keys) {
      const raw = form.raw(k).trim().slice(0, 10);
      values[k] = raw;
      input[k] = /^\d{1,3}$/.test(raw) ? Number(raw) : undefined;
    }
    const r = await updateLimits(core, staffActor(req), req.user!.rootUnitId, input);
    if (!r.ok) {
      const limits = await getLimits(core.db, req.user!.rootUnitId);
      return reply.code(400).type(HTML).send(renderDocument(<SettingsPage ctx={pageContext(req, reply)} limits={limits} values={values} errors={r.errors} />));
    }
    setFlash(reply, '办理时限已保存。');
    return reply.redirect('/staff/messages/settings', 303);
  });

  // ------------------------------------------------------------------------------------------
  // 主题分类 (the openness office edits the tree)

  const renderSubjects = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors: FieldErrors = {}, status = 200) => {
    const rows = await listSubjects(core.db, req.user!.rootUnitId);
    return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(<SubjectsPage ctx={pageContext(req, reply)} tree={subjectTree(rows)} values={values} errors={errors} />));
  };

  app.get('/staff/messages/subjects', dispatchGuard, async (req, reply) => renderSubjects(req, reply));

  // One form per verb: add (name + parent), rename (id + name), retire/restore, up/down.
  app.post('/staff/messages/subjects', dispatchGuard, async (req, reply) => {
    const form = new FormReader(req.body);
    const op = form.raw('op').trim();
    const idRaw = form.raw('id').trim().slice(0, 12);
    const id = /^\d{1,12}$/.test(idRaw) ? Number(idRaw) : 0;
    const values = { name: normaliseText(form.raw('name')).slice(0, 40), parentId: form.raw('parentId').trim().slice(0, 12), id: idRaw, op };
    const root = req.user!.rootUnitId;
    const actor = staffActor(req);
    let r;
    if (op === 'add') {
      const parentOk = values.parentId === '' || /^\d{1,12}$/.test(values.parentId);
      r = parentOk ? await addSubject(core, actor, root, { parentId: values.parentId ? Number(values.parentId) : null, name: values.name }) : { ok: false as const, errors: { parentId: '请选择在用的一级分类' }, reasons: [] };
    } else if (op === 'rename') {
      values.name = normaliseText(form.raw(`name-${id}`)).slice(0, 40);
      r = await renameSubject(core, actor, root, id, values.name);
    }
    else if (op === 'retire' || op === 'restore') r = await retireSubject(core, actor, root, id, op === 'retire');
    else if (op === 'up' || op === 'down') r = await moveSubjectBy(core, actor, root, id, op);
    else return renderSubjects(req, reply, values, { op: '未知操作' }, 400);
    if (!r.ok) {
      const errors: FieldErrors = Object.keys(r.errors).length ? Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [op === 'rename' ? `name-${id}` : k, v])) : { op: r.reasons.join('；') };
      return renderSubjects(req, reply, values, errors, Object.keys(r.errors).length ? 400 : 409);
    }
    setFlash(reply, { add: '分类已添加。', rename: '分类已改名。', retire: '分类已停用，已有的诉求保留该分类。', restore: '分类已恢复使用。', up: '顺序已调整。', down: '顺序已调整。' }[op]!);
    return reply.redirect('/staff/messages/subjects', 303);
  });

  // ------------------------------------------------------------------------------------------
  // 依申请公开转来 (条例 第三十九条第一款): the button on the request page posts here.

  app.post('/staff/messages/from-request/:requestNo', guard, async (req, reply) => {
    const requestNo = String((req.params as { requestNo: string }).requestNo).trim().toUpperCase().slice(0, 30);
    if (!/^YSQ-\d{4}-\d{6,}$/.test(requestNo)) throw new NotFoundError('没有找到该申请。');
    const kind = new FormReader(req.body).raw('kind').trim().slice(0, 20);
    const r = await messageFromRequest(core, staffActor(req), requestNo, { kind });
    if (!r.ok) {
      if (r.reasons.includes('没有找到该申请')) throw new NotFoundError('没有找到该申请。');
      // Back to the request page, which shows the reason (its form is one select and a button).
      setFlash(reply, `未能转互动交流：${[...Object.values(r.errors), ...r.reasons].filter((x, i, a) => a.indexOf(x) === i).join('；')}`);
      return reply.redirect(`/staff/requests/${requestNo}#to-message`, 303);
    }
    setFlash(reply, r.duplicate ? `该申请已转互动交流：${r.itemNo}。` : `已转互动交流：编号 ${r.itemNo}，查询码 ${r.lookupCode}（请在答复申请人时告知）。`);
    return reply.redirect(`/staff/messages/${r.itemNo}`, 303);
  });

  // ------------------------------------------------------------------------------------------
  // The item page and its actions

  async function itemOf(req: FastifyRequest): Promise<ItemRow> {
    const no = parseItemNo((req.params as { no: string }).no);
    const row = no ? await findItemByNo(core.db, req.user!.rootUnitId, no) : undefined;
    if (!row || !canViewItem(req.user!, row)) throw new NotFoundError('没有找到该诉求。');
    return row;
  }

  async function mergeView(req: FastifyRequest, row: ItemRow, values: Record<string, string> = {}, errors: FieldErrors = {}): Promise<MergeView> {
    const dispatcher = isDispatcher(req.user!);
    const [main, merged] = await Promise.all([mainItemOf(core.db, row), mergedItemsOf(core.db, row.id)]);
    const canMerge = dispatcher && !main && !merged.length && MERGEABLE_STATES.includes(row.state) && !row.repliedOn;
    return {
      main: main ? { itemNo: main.itemNo, state: main.state, dueOn: main.dueOn, repliedOn: main.repliedOn } : null,
      merged,
      duplicates: canMerge ? await duplicatesOf(core, row) : [],
      canVisit: dispatcher && mergedVisitOpen(main, row),
      canMerge,
      canUnmerge: dispatcher && !!main && !main.repliedOn && MERGEABLE_STATES.includes(main.state),
      values,
      errors,
    };
  }

  /** The subjects an item may be filed under, and its own one when that was retired since. */
  function currentAndOwn(subjects: SubjectRow[], own: number | null): { id: number; label: string }[] {
    const choices = subjectChoices(subjects);
    return own !== null && !choices.some((c) => c.id === own) ? [...choices, { id: own, label: subjectLabel(subjects, own) }] : choices;
  }

  async function renderItem(req: FastifyRequest, reply: FastifyReply, row: ItemRow, failed: FailedAction | null = null, status = 200, merge?: MergeView, subjectForm?: { value: string; error?: string }) {
    const user = req.user!;
    const [units, history, steps, limits, cal, mv, subjects] = await Promise.all([unitsOf(req), historyOf(core, row.id), clockSteps(core, row), getLimits(core.db, row.rootUnitId), messageCalendar(core), merge ?? mergeView(req, row), listSubjects(core.db, row.rootUnitId)]);
    const names = new Map(units.map((u) => [u.id, u.name]));
    // A merged item is handled through its main item: no actions of its own.
    const actions = row.mergedInto !== null ? [] : availableActions(row.state, partiesOf(staffActor(req), row)).filter((a) => a !== 'publish' || (row.allowPublication && !row.publishedAt));
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(
        renderDocument(
          <ItemPage
            ctx={pageContext(req, reply)}
            item={row}
            history={history}
            steps={steps}
            actions={actions}
            failed={failed}
            units={units.map((u) => ({ id: u.id, name: u.name }))}
            unitName={(id) => (id ? (names.get(id) ?? '') : '')}
            showIdentity={seesCallerIdentity(user, row)}
            dueStatus={dueStatus(row.dueOn, today(core), row.repliedOn, limits.remindBeforeDays, cal)}
            maxExtensionDays={limits.maxExtensionDays}
            merge={mv}
            subjectName={subjectLabel(subjects, row.subjectId)}
            reclassify={isDispatcher(user) && row.mergedInto === null ? { choices: currentAndOwn(subjects, row.subjectId), value: subjectForm?.value ?? (row.subjectId ? String(row.subjectId) : ''), error: subjectForm?.error } : undefined}
          />,
        ),
      );
  }

  app.get('/staff/messages/:no', guard, async (req, reply) => renderItem(req, reply, await itemOf(req)));

  // 更改主题分类 after intake (the openness office).
  app.post('/staff/messages/:no/subject', dispatchGuard, async (req, reply) => {
    const row = await itemOf(req);
    const value = new FormReader(req.body).raw('subjectId').trim().slice(0, 20);
    const id = value === '' ? null : /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
    const r = Number.isNaN(id) ? { ok: false as const, errors: { subjectId: '请从列表中选择主题分类' }, reasons: [] } : await changeItemSubject(core, staffActor(req), row.id, id);
    if (!r.ok) return renderItem(req, reply, row, null, r.errors.subjectId ? 400 : 409, undefined, { value, error: r.errors.subjectId ?? r.reasons.join('；') });
    setFlash(reply, '已更改主题分类。');
    return reply.redirect(`/staff/messages/${row.itemNo}#reclassify`, 303);
  });

  // 并单 and its undoing (the openness office).
  app.post('/staff/messages/:no/merge', dispatchGuard, async (req, reply) => {
    const row = await itemOf(req);
    const form = new FormReader(req.body);
    const values = { mainNo: form.raw('mainNo').trim().slice(0, 30), note: normaliseText(form.raw('note')).slice(0, 600) };
    const mainNo = parseItemNo(values.mainNo);
    const r = !values.mainNo
      ? { ok: false as const, errors: { mainNo: '请填写主件编号' }, reasons: [] }
      : !mainNo
        ? { ok: false as const, errors: { mainNo: '编号格式不正确，如 HD-2026-000123' }, reasons: [] }
        : await mergeItem(core, staffActor(req), row.id, mainNo, values.note);
    if (!r.ok) return renderItem(req, reply, row, null, 400, await mergeView(req, row, values, r.errors));
    setFlash(reply, `已并入 ${mainNo}。`);
    return reply.redirect(`/staff/messages/${row.itemNo}`, 303);
  });

  // 并单: the return visit of a merged item's own caller, recorded by the openness office.
  app.post('/staff/messages/:no/merged-visit', dispatchGuard, async (req, reply) => {
    const row = await itemOf(req);
    const form = new FormReader(req.body);
    const values = { satisfaction: form.raw('satisfaction').trim().slice(0, 20), visitNote: normaliseText(form.raw('visitNote')).slice(0, 1100) };
    const sat = Object.hasOwn(SATISFACTION_LABELS, values.satisfaction) ? (values.satisfaction as Satisfaction) : undefined;
    const r = await recordMergedVisit(core, staffActor(req), row.id, { satisfaction: sat, note: values.visitNote });
    if (!r.ok) {
      const errors: FieldErrors = r.errors.note ? { visitNote: r.errors.note } : { satisfaction: r.reasons.join('；') };
      return renderItem(req, reply, row, null, r.errors.note || !sat ? 400 : 409, await mergeView(req, row, values, errors));
    }
    setFlash(reply, '已登记本诉求人的回访结果。');
    return reply.redirect(`/staff/messages/${row.itemNo}`, 303);
  });

  app.post('/staff/messages/:no/unmerge', dispatchGuard, async (req, reply) => {
    const row = await itemOf(req);
    const form = new FormReader(req.body);
    const values = { unmergeNote: normaliseText(form.raw('unmergeNote')).slice(0, 600) };
    const r = await unmergeItem(core, staffActor(req), row.id, values.unmergeNote);
    if (!r.ok) return renderItem(req, reply, row, null, 400, await mergeView(req, row, values, r.errors));
    setFlash(reply, '已撤销并单，本件恢复单独办理。');
    return reply.redirect(`/staff/messages/${row.itemNo}`, 303);
  });

  app.post('/staff/messages/:no/do/:action', guard, async (req, reply) => {
    const { action } = req.params as { action: string };
    if (!(ACTIONS as readonly string[]).includes(action)) throw new NotFoundError('没有这个操作。');
    const a = action as Action;
    const row = await itemOf(req);
    const form = new FormReader(req.body);
    const p = (k: string) => `${a}-${k}`;
    const values: Record<string, string> = {};
    for (const k of ['note', 'unitId', 'days', 'satisfaction', 'refusalReason', 'flag']) values[p(k)] = normaliseText(form.raw(p(k))).slice(0, 3100);
    const assist = form.list(p('assist'), '协办单位', (await unitsOf(req)).map((u) => String(u.id)));
    values[p('assist')] = assist.join(',');
    const errors: FieldErrors = {};
    const spec = ACTION_FIELDS[a];
    const unitRaw = values[p('unitId')]!;
    const daysRaw = values[p('days')]!;
    const sat = values[p('satisfaction')]!;
    const reason = values[p('refusalReason')]!;
    if (spec.unit && !/^\d{1,12}$/.test(unitRaw)) errors.unitId = '请选择主办单位';
    if (spec.requestUnit && !/^\d{1,12}$/.test(unitRaw)) errors.unitId = '请选择受理申请的单位';
    if (spec.days && !/^\d{1,2}$/.test(daysRaw)) errors.days = '请填写延期的工作日数（正整数）';
    if (spec.satisfaction && !Object.hasOwn(SATISFACTION_LABELS, sat)) errors.satisfaction = '请选择满意度';
    if (spec.reason && !(REFUSAL_REASONS as readonly string[]).includes(reason)) errors.refusalReason = '请选择不予受理的理由';
    if (spec.noteRequired && !values[p('note')]) errors.note = `请填写${spec.note!.replace(/（.*$/, '')}`;
    if (a === 'transfer_request') {
      const r = Object.keys(errors).length ? { ok: false as const, errors, reasons: [] as string[] } : await transferToRequest(core, staffActor(req), row.id, { unitId: Number(unitRaw), note: values[p('note')] });
      if (!r.ok) {
        const fieldErrors: FieldErrors = {};
        for (const [k, v] of Object.entries(r.errors)) fieldErrors[p(k)] = v;
        const hasFields = Object.keys(fieldErrors).length > 0;
        return renderItem(req, reply, row, { action: a, errors: fieldErrors, reasons: hasFields ? [] : r.reasons, values }, hasFields ? 400 : 409);
      }
      setFlash(reply, `已转依申请公开：受理编号 ${r.requestNo}。${r.newLookupCode ? `请告知诉求人查询码 ${r.newLookupCode}（只显示这一次）。` : '诉求人凭本诉求的查询码查询该申请。'}`);
      return reply.redirect(`/staff/messages/${row.itemNo}`, 303);
    }
    const result = Object.keys(errors).length
      ? { ok: false as const, errors, reasons: [] as string[] }
      : await act(core, staffActor(req), row.id, a, {
          note: values[p('note')],
          unitId: spec.unit ? Number(unitRaw) : undefined,
          assistUnitIds: assist.map(Number),
          days: spec.days ? Number(daysRaw) : undefined,
          satisfaction: spec.satisfaction ? (sat as Satisfaction) : undefined,
          refusalReason: spec.reason ? (reason as RefusalReason) : undefined,
          flag: values[p('flag')] === 'on',
        });
    if (!result.ok) {
      const fieldErrors: FieldErrors = {};
      for (const [k, v] of Object.entries(result.errors)) fieldErrors[p(k)] = v;
      const hasFields = Object.keys(fieldErrors).length > 0;
      return renderItem(req, reply, row, { action: a, errors: fieldErrors, reasons: hasFields ? [] : result.reasons, values }, hasFields ? 400 : 409);
    }
    if (a === 'publish') forgetPublishedCounts();
    setFlash(reply, `已完成：${ACTION_LABELS[a]}。当前状态：${STATE_LABELS[result.state]}。`);
    return reply.redirect(`/staff/messages/${row.itemNo}`, 303);
  });
}
