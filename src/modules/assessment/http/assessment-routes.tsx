// Staff routes of 考核: ranking and charts, score sheets (a unit sees its own), objections, hand-entered
// points, the indicator table, the 通报 (.docx) and the ranking (.xlsx).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, uploadedFile } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { HttpError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { hasRole } from '../../../core/auth/roles.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';
import { checkUpload } from '../../../core/files/sniff.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { findImportRun, startImportRun } from '../../../core/import-runs/run.ts';
import { importRunStatus } from '../../../core/import-runs/status.ts';
import { runStatusJson } from '../../../core/import-runs/view.tsx';
import { listUnitsOfRoot } from '../../units/index.ts';
import { INDICATOR_METHODS, INDICATOR_SOURCES, indicatorCode, parsePeriod, quarterOf, quartersOf, type Indicator, type IndicatorMethod, type IndicatorSource } from '../domain/scoring.ts';
import {
  bulletinFor,
  computeScores,
  computedPeriods,
  decideObjection,
  draftBulletinFor,
  fileObjection,
  findObjection,
  indicatorsFor,
  listObjections,
  manualScore,
  objectionDays,
  objectionDeadline,
  resultFor,
  resultsOfYear,
  saveBulletin,
  saveIndicators,
  saveManualScore,
  saveObjectionDays,
  storedFile,
  type UploadInput,
} from '../service-scoring.ts';
import { ASSESSMENT_BASE, BulletinPage, ComputeRunPage, IndicatorsPage, ObjectionsPage, RankingPage, ScoreSheetPage } from '../views/assessment.tsx';
import { renderBulletinDocx } from '../export/bulletin-docx.ts';
import { rankingWorkbook } from '../export/ranking-xlsx.ts';
import { OFFICE_ROLES } from './content-routes.tsx';

const HTML = 'text/html; charset=utf-8';
const isOffice = (req: FastifyRequest) => hasRole(req.user!, ...OFFICE_ROLES);

function periodParam(req: FastifyRequest): string {
  const p = String((req.params as Record<string, unknown>).period ?? '');
  if (!parsePeriod(p)) throw new HttpError(404, 'not_found', '考核期间不存在');
  return p;
}

/** The quarter before today's: the one usually being assessed. */
function defaultPeriod(core: Core): string {
  const q = quarterOf(shanghaiToday(core.clock.now()));
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
  return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`;
}

function upload(req: FastifyRequest, core: Core): { file?: UploadInput; error?: string } {
  const f = uploadedFile(req.body, 'file');
  if (!f) return {};
  const c = checkUpload(f.filename, f.bytes, core.config.uploadLimitBytes);
  if (!c.ok) return { error: c.message };
  return { file: { filename: f.filename, bytes: f.bytes } };
}

async function sendStored(core: Core, reply: FastifyReply, key: string, name: string) {
  const bytes = await storedFile(core, key);
  return reply.type('application/octet-stream').header('content-disposition', contentDisposition(name, { ascii: 'evidence' })).header('cache-control', 'no-store').send(bytes);
}

async function cityNames(core: Core, rootUnitId: number): Promise<{ city: string; issuer: string; addressees: string }> {
  const units = await listUnitsOfRoot(core.db, rootUnitId);
  const root = units.find((u) => u.id === rootUnitId);
  const name = root?.name ?? '本市人民政府';
  return { city: name.replace(/人民政府$/, ''), issuer: `${name}办公室`, addressees: '各乡镇人民政府、街道办事处，市直各部门：' };
}

export function registerAssessmentRoutes(app: FastifyInstance, core: Core): void {
  const office = { preHandler: requireStaff(...OFFICE_ROLES) };
  const staff = { preHandler: requireStaff() };

  app.get(ASSESSMENT_BASE, staff, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const requested = typeof q.period === 'string' && parsePeriod(q.period) ? q.period : null;
    const root = req.user!.rootUnitId;
    const periods = await computedPeriods(core.db, root);
    const period = requested ?? periods.filter((p) => p.includes('-Q')).at(-1) ?? defaultPeriod(core);
    // A unit sees its own score sheet.
    if (!isOffice(req)) return reply.redirect(`${ASSESSMENT_BASE}/${period}/units/${req.user!.unitId}`, 303);
    const year = Number(period.slice(0, 4));
    const [result, yearResults, objections] = await Promise.all([resultFor(core.db, root, period), resultsOfYear(core.db, root, year), listObjections(core.db, root, period)]);
    const trendPeriods = quartersOf(year).filter((p) => yearResults.some((r) => r.period === p));
    const units = new Map<number, string>();
    for (const r of yearResults) for (const s of r.scores) units.set(s.unitId, s.unitName);
    const trend = [...units].map(([unitId, unitName]) => ({ unitId, unitName, totals: trendPeriods.map((p) => yearResults.find((r) => r.period === p)!.scores.find((s) => s.unitId === unitId)?.total ?? null) }));
    const unitQ = Number(q.unit);
    const choices = [...new Set([...periods, period, ...quartersOf(year), String(year)])].sort();
    return reply.type(HTML).send(
      renderDocument(<RankingPage ctx={pageContext(req, reply)} period={period} periods={choices} result={result} trendPeriods={trendPeriods} trend={trend} trendUnit={Number.isInteger(unitQ) ? unitQ : null} pendingObjections={objections.filter((o) => o.state === 'pending').length} />),
    );
  });

  app.post(`${ASSESSMENT_BASE}/:period/compute`, office, async (req, reply) => {
    const period = periodParam(req);
    const root = req.user!.rootUnitId;
    const total = (await listUnitsOfRoot(core.db, root)).length;
    const code = await startImportRun(core, { kind: 'assessment', unitId: root, staffUserId: req.user!.id, fileName: `考核计分 ${period}`, totalRows: total, readRows: total, checkedRows: total }, async (progress) => {
      const scores = await computeScores(core, root, period, (done) => progress.saved(done));
      return { ok: true, result: { units: scores.length } };
    }, req.log);
    return reply.redirect(`${ASSESSMENT_BASE}/${period}/runs/${code}`, 303);
  });

  const runOf = async (req: FastifyRequest) => {
    const run = await findImportRun(core, 'assessment', String((req.params as { code: string }).code));
    if (!run || run.unitId !== req.user!.rootUnitId) throw new HttpError(404, 'not_found', '计算记录不存在');
    return importRunStatus(run as never, core.clock.now(), { doneMessage: (r: { units: number }) => `计算完成：${r.units} 个单位的成绩已更新。`, target: '成绩' });
  };

  app.get(`${ASSESSMENT_BASE}/:period/runs/:code`, office, async (req, reply) => {
    const period = periodParam(req);
    const status = await runOf(req);
    reply.header('cache-control', 'no-store');
    return reply.type(HTML).send(renderDocument(<ComputeRunPage ctx={pageContext(req, reply)} period={period} run={status} statusUrl={`${ASSESSMENT_BASE}/${period}/runs/${(req.params as { code: string }).code}/status`} />));
  });

  app.get(`${ASSESSMENT_BASE}/:period/runs/:code/status`, office, async (req, reply) => {
    periodParam(req);
    return reply.header('cache-control', 'no-store').send(runStatusJson(await runOf(req)));
  });

  async function renderSheet(req: FastifyRequest, reply: FastifyReply, errors: Record<string, string> = {}, values: Record<string, string> = {}) {
    const period = periodParam(req);
    const unitId = Number((req.params as { unitId: string }).unitId);
    const root = req.user!.rootUnitId;
    if (!isOffice(req) && unitId !== req.user!.unitId) throw new HttpError(404, 'not_found', '只能查看本单位的成绩单');
    const result = await resultFor(core.db, root, period);
    const score = result?.scores.find((s) => s.unitId === unitId);
    if (!result || !score) throw new HttpError(404, 'not_found', '本期尚无该单位的成绩');
    const [deadline, objections, indicators] = await Promise.all([objectionDeadline(core, root, result.releasedOn), listObjections(core.db, root, period, unitId), indicatorsFor(core.db, root, Number(period.slice(0, 4)))]);
    const canObject = unitId === req.user!.unitId && shanghaiToday(core.clock.now()) <= deadline;
    return reply
      .code(Object.keys(errors).length ? 400 : 200)
      .type(HTML)
      .send(
        renderDocument(
          <ScoreSheetPage
            ctx={pageContext(req, reply)}
            period={period}
            score={score}
            unitCount={result.scores.length}
            computedAt={result.computedAt}
            deadline={deadline}
            canObject={canObject}
            isOffice={isOffice(req)}
            manualCodes={indicators.filter((i) => i.method === 'manual').map((i) => i.code)}
            objections={objections}
            errors={errors}
            values={values}
          />,
        ),
      );
  }

  app.get(`${ASSESSMENT_BASE}/:period/units/:unitId`, staff, async (req, reply) => renderSheet(req, reply));

  app.post(`${ASSESSMENT_BASE}/:period/units/:unitId/objections`, staff, async (req, reply) => {
    const period = periodParam(req);
    const unitId = Number((req.params as { unitId: string }).unitId);
    if (unitId !== req.user!.unitId) throw new HttpError(403, 'forbidden', '只能对本单位的成绩提出异议');
    const form = new FormReader(req.body);
    const indicator = form.raw('indicator').slice(0, 40);
    const item = form.raw('item').slice(0, 300);
    const field = `reason-${indicator}-${item}`;
    const reason = form.raw(field).slice(0, 2000);
    const up = upload(req, core);
    if (up.error) return renderSheet(req, reply, { [field]: up.error }, { [field]: reason });
    const r = await fileObjection(core, actorOf(req), req.user!.rootUnitId, period, unitId, { indicatorCode: indicator, itemKey: item, reason, file: up.file });
    if (!r.ok) return renderSheet(req, reply, Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k === 'reason' ? field : k, v])), { [field]: reason });
    setFlash(reply, '异议已提交，政务公开办处理后会在成绩单上显示结果。');
    return reply.redirect(`${ASSESSMENT_BASE}/${period}/units/${unitId}#ind-${encodeURIComponent(indicator)}`, 303);
  });

  app.post(`${ASSESSMENT_BASE}/:period/units/:unitId/manual`, office, async (req, reply) => {
    const period = periodParam(req);
    const unitId = Number((req.params as { unitId: string }).unitId);
    const root = req.user!.rootUnitId;
    const form = new FormReader(req.body);
    const code = form.raw('indicator').slice(0, 40);
    const ind = (await indicatorsFor(core.db, root, Number(period.slice(0, 4)))).find((i) => i.code === code && i.method === 'manual');
    const rawPoints = form.raw(`points-${code}`).trim().slice(0, 10);
    const note = form.raw(`note-${code}`).trim().slice(0, 200);
    const points = /^\d{1,3}(\.\d{1,2})?$/.test(rawPoints) ? Number(rawPoints) : NaN;
    const units = await listUnitsOfRoot(core.db, root);
    if (!ind || !units.some((u) => u.id === unitId)) return renderSheet(req, reply, { [`points-${code}`]: '该指标不是人工评分指标' });
    if (!(points >= 0 && points <= ind.weight)) return renderSheet(req, reply, { [`points-${code}`]: `请填写0到${ind.weight}之间的分数，最多两位小数` });
    const up = upload(req, core);
    if (up.error) return renderSheet(req, reply, { [`points-${code}`]: `证明材料：${up.error}` });
    await saveManualScore(core, actorOf(req), root, period, unitId, code, points, note, up.file);
    await computeScores(core, root, period);
    setFlash(reply, '得分已保存，本期成绩已重新计算。');
    return reply.redirect(`${ASSESSMENT_BASE}/${period}/units/${unitId}#ind-${encodeURIComponent(code)}`, 303);
  });

  app.get(`${ASSESSMENT_BASE}/:period/manual/:unitId/:code/file`, staff, async (req, reply) => {
    const period = periodParam(req);
    const { unitId, code } = req.params as { unitId: string; code: string };
    if (!isOffice(req) && Number(unitId) !== req.user!.unitId) throw new HttpError(404, 'not_found', '文件不存在');
    const m = Number.isInteger(Number(unitId)) ? await manualScore(core.db, req.user!.rootUnitId, period, Number(unitId), code) : null;
    if (!m?.fileKey) throw new HttpError(404, 'not_found', '文件不存在');
    return sendStored(core, reply, m.fileKey, m.fileName ?? 'evidence');
  });

  app.get(`${ASSESSMENT_BASE}/objections/:id/file`, staff, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const o = Number.isSafeInteger(id) ? await findObjection(core.db, req.user!.rootUnitId, id) : null;
    if (!o?.fileKey || (!isOffice(req) && o.unitId !== req.user!.unitId)) throw new HttpError(404, 'not_found', '文件不存在');
    return sendStored(core, reply, o.fileKey, o.fileName ?? 'evidence');
  });

  async function renderObjections(req: FastifyRequest, reply: FastifyReply, period: string, errors: Record<string, string> = {}) {
    const root = req.user!.rootUnitId;
    const [rows, units] = await Promise.all([listObjections(core.db, root, period), listUnitsOfRoot(core.db, root)]);
    return reply
      .code(Object.keys(errors).length ? 400 : 200)
      .type(HTML)
      .send(renderDocument(<ObjectionsPage ctx={pageContext(req, reply)} period={period} rows={rows} unitNames={Object.fromEntries(units.map((u) => [u.id, u.name]))} errors={errors} />));
  }

  app.get(`${ASSESSMENT_BASE}/:period/objections`, office, async (req, reply) => renderObjections(req, reply, periodParam(req)));

  app.post(`${ASSESSMENT_BASE}/objections/:id/decide`, office, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const o = Number.isSafeInteger(id) ? await findObjection(core.db, req.user!.rootUnitId, id) : null;
    if (!o) throw new HttpError(404, 'not_found', '异议不存在');
    const form = new FormReader(req.body);
    const decision = form.raw('decision');
    const reason = form.raw(`decisionReason-${id}`).slice(0, 2000);
    if (decision !== 'accept' && decision !== 'reject') return renderObjections(req, reply, o.period, { [`decisionReason-${id}`]: '请选择“异议成立”或“异议不成立”' });
    const r = await decideObjection(core, actorOf(req), req.user!.rootUnitId, id, decision === 'accept', reason);
    if (!r.ok) return renderObjections(req, reply, o.period, { [`decisionReason-${id}`]: r.errors.decisionReason ?? r.errors.decision ?? '无法处理' });
    setFlash(reply, decision === 'accept' ? '异议成立，成绩已重新计算。' : '已记录：异议不成立。');
    return reply.redirect(`${ASSESSMENT_BASE}/${o.period}/objections`, 303);
  });

  const yearOf = (req: FastifyRequest) => {
    const y = Number((req.query as Record<string, unknown>).year);
    return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : Number(shanghaiToday(core.clock.now()).slice(0, 4));
  };

  async function renderIndicators(req: FastifyRequest, reply: FastifyReply, year: number, rows?: Indicator[], errors: Record<string, string> = {}, days?: { error: string; value: string }) {
    const root = req.user!.rootUnitId;
    const [list, od] = await Promise.all([rows ? Promise.resolve(rows) : indicatorsFor(core.db, root, year), objectionDays(core.db, root)]);
    return reply
      .code(Object.keys(errors).length || days ? 400 : 200)
      .type(HTML)
      .send(renderDocument(<IndicatorsPage ctx={pageContext(req, reply)} year={year} period={`${year}-Q1`} rows={list} errors={errors} objectionDays={od} daysError={days?.error} daysValue={days?.value} />));
  }

  app.get(`${ASSESSMENT_BASE}/indicators`, office, async (req, reply) => renderIndicators(req, reply, yearOf(req)));

  app.post(`${ASSESSMENT_BASE}/indicators`, office, async (req, reply) => {
    const year = yearOf(req);
    const form = new FormReader(req.body);
    const list: Indicator[] = [];
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = form.raw(`name.${i}`).trim().slice(0, 60);
      const code = form.raw(`code.${i}`).trim().slice(0, 40);
      if (!name && !form.raw(`weight.${i}`).trim()) continue;
      const w = form.raw(`weight.${i}`).trim();
      const d = form.raw(`deduct.${i}`).trim();
      const source = form.raw(`source.${i}`) as IndicatorSource;
      const method = form.raw(`method.${i}`) as IndicatorMethod;
      list.push({
        code: /^[a-z_0-9]{1,40}$/.test(code) ? code : indicatorCode(codes, i),
        name,
        weight: /^\d{1,3}$/.test(w) ? Number(w) : NaN,
        deduct: /^\d{1,3}$/.test(d) ? Number(d) : method === 'deduct' ? NaN : 0,
        source: INDICATOR_SOURCES.includes(source) ? source : ('' as IndicatorSource),
        method: INDICATOR_METHODS.includes(method) ? method : 'ratio',
        rule: form.raw(`rule.${i}`).trim().slice(0, 400),
      });
      codes.push(list.at(-1)!.code);
    }
    const r = await saveIndicators(core, actorOf(req), req.user!.rootUnitId, year, list);
    if (!r.ok) return renderIndicators(req, reply, year, list, r.errors);
    setFlash(reply, `${year}年指标体系已保存。请在排名页重新计算成绩。`);
    return reply.redirect(`${ASSESSMENT_BASE}/indicators?year=${year}`, 303);
  });

  app.post(`${ASSESSMENT_BASE}/settings`, office, async (req, reply) => {
    const year = yearOf(req);
    const raw = new FormReader(req.body).raw('objectionDays').trim().slice(0, 5);
    if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 30) return renderIndicators(req, reply, year, undefined, {}, { error: '请填写1到30之间的整数', value: raw });
    await saveObjectionDays(core, actorOf(req), req.user!.rootUnitId, Number(raw));
    setFlash(reply, '异议期限已保存。');
    return reply.redirect(`${ASSESSMENT_BASE}/indicators?year=${year}#objection-days`, 303);
  });

  async function renderBulletin(req: FastifyRequest, reply: FastifyReply, period: string, errors: Record<string, string> = {}, values?: Record<string, string>) {
    const root = req.user!.rootUnitId;
    const [b, result] = await Promise.all([bulletinFor(core.db, root, period), resultFor(core.db, root, period)]);
    const view = b ? { ...b, ...(values ?? {}) } : null;
    return reply
      .code(Object.keys(errors).length ? 400 : 200)
      .type(HTML)
      .send(renderDocument(<BulletinPage ctx={pageContext(req, reply)} period={period} bulletin={view} hasResult={Boolean(result)} errors={errors} />));
  }

  app.get(`${ASSESSMENT_BASE}/:period/bulletin`, office, async (req, reply) => renderBulletin(req, reply, periodParam(req)));

  app.post(`${ASSESSMENT_BASE}/:period/bulletin/draft`, office, async (req, reply) => {
    const period = periodParam(req);
    const names = await cityNames(core, req.user!.rootUnitId);
    const b = await draftBulletinFor(core, actorOf(req), req.user!.rootUnitId, period, names.city);
    if (!b) return renderBulletin(req, reply, period, { title: '本期尚未计算成绩' });
    return reply.redirect(`${ASSESSMENT_BASE}/${period}/bulletin`, 303);
  });

  app.post(`${ASSESSMENT_BASE}/:period/bulletin`, office, async (req, reply) => {
    const period = periodParam(req);
    const form = new FormReader(req.body);
    const input = { title: form.raw('title').trim().slice(0, 200), docNo: form.raw('docNo').trim().slice(0, 80), overview: form.raw('overview').slice(0, 12000), problems: form.raw('problems').slice(0, 22000), requirements: form.raw('requirements').slice(0, 12000) };
    const issue = form.raw('action') === 'issue';
    const r = await saveBulletin(core, actorOf(req), req.user!.rootUnitId, period, input, issue);
    if (!r.ok) return renderBulletin(req, reply, period, r.errors, input);
    setFlash(reply, issue ? '通报已印发。' : '草稿已保存。');
    return reply.redirect(`${ASSESSMENT_BASE}/${period}/bulletin`, 303);
  });

  app.get(`${ASSESSMENT_BASE}/:period/bulletin.docx`, office, async (req, reply) => {
    const period = periodParam(req);
    const root = req.user!.rootUnitId;
    const [b, result, names] = await Promise.all([bulletinFor(core.db, root, period), resultFor(core.db, root, period), cityNames(core, root)]);
    if (!b || !result) throw new HttpError(404, 'not_found', '本期尚无通报');
    const dateText = b.issuedOn ? `${Number(b.issuedOn.slice(0, 4))}年${Number(b.issuedOn.slice(5, 7))}月${Number(b.issuedOn.slice(8, 10))}日` : '';
    const docx = await renderBulletinDocx({ issuer: names.issuer, addressees: names.addressees, docNo: b.docNo, title: b.title, overview: b.overview, problems: b.problems, requirements: b.requirements, dateText, periodLabel: parsePeriod(period)!.label, scores: result.scores });
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition(`${b.title}.docx`, { ascii: `bulletin-${period}.docx` }))
      .header('cache-control', 'no-store')
      .send(docx);
  });

  app.get(`${ASSESSMENT_BASE}/:period/ranking.xlsx`, office, async (req, reply) => {
    const period = periodParam(req);
    const result = await resultFor(core.db, req.user!.rootUnitId, period);
    if (!result) throw new HttpError(404, 'not_found', '本期尚未计算成绩');
    const label = parsePeriod(period)!.label;
    const xlsx = await rankingWorkbook(`${label}政务公开工作考核排名`, result.scores);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`${label}考核排名.xlsx`, { ascii: `ranking-${period}.xlsx` }))
      .header('cache-control', 'no-store')
      .send(xlsx);
  });
}
