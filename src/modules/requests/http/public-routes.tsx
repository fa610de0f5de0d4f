// Public routes of the requests module: the entry page, the online application (form → confirmation
// listing possibly matching published records → submission), the lookup with 受理编号 + lookup code,
// the letters to download, the how-to-apply page per unit and the statistics. No account needed.
import { requestCalendar } from '../calendar.ts';
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { TtlCache } from '../../../core/cache.ts';
import { publicUnitsOfRoot, type UnitRow } from '../../units/index.ts';
import { currentGuideDocument } from '../../catalog/index.ts';
import {
  APPLICANT_KIND_LABELS,
  DELIVERY_LABELS,
  ID_TYPE_LABELS,
  INFO_FORM_LABELS,
  INFO_FORMS,
  ORG_SUBTYPE_LABELS,
  validateApplication,
  type Application,
  type ApplicationInput,
} from '../domain/applicant.ts';
import { parseRequestNo, normaliseLookupCode } from '../domain/numbering.ts';
import { CHANNEL_LABELS } from '../domain/receipt.ts';
import { buildStatistics, type Statistics } from '../domain/public-statistics.ts';
import { findRequestByNo } from '../data/repository.ts';
import { readAttachment, submitOnline, verifyApplicant } from '../service.ts';
import { publicView, statisticsRows } from '../service-read.ts';
import {
  ApplyFormPage,
  ConfirmPage,
  HowToApplyPage,
  LookupFormPage,
  LookupResultPage,
  RequestsHomePage,
  StatisticsPage,
  SubmittedPage,
  type LookupView,
} from '../views/public.tsx';
import { HTML, queryText } from './common.ts';
import { findRecordMatches } from './matches.ts';
import { uploadedFiles } from './uploads.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

/** Signed cookie listing the 受理编号 this browser proved with a lookup code (so letters can be fetched by GET). */
const SEEN_COOKIE = 'gk_req_seen';
const SEEN_MAX = 10;

const APP_FIELDS = ['unit', 'applicantKind', 'orgSubtype', 'name', 'contactPerson', 'idType', 'idNumber', 'phone', 'email', 'address', 'postcode', 'infoDescription', 'infoDocNo', 'delivery'] as const;

/** Units that receive requests (第二十七条): governments, their departments and townships. */
export function requestUnits(units: UnitRow[]): UnitRow[] {
  return units.filter((u) => u.type !== 'other');
}

const statsCache = new TtlCache<Statistics>(60_000);

export function registerRequestsPublicRoutes(app: FastifyInstance, core: Core): void {
  const units = async (req: FastifyRequest) => requestUnits(await publicUnitsOfRoot(core, req.site.rootUnitId));

  app.get('/requests', async (req, reply) => {
    const list = await units(req);
    return reply.type(HTML).send(renderDocument(<RequestsHomePage ctx={pageContext(req, reply)} units={list.map((u) => ({ slug: u.slug, name: u.name }))} />));
  });

  // ------------------------------------------------------------------------------------------
  // The online application

  function readApplication(body: unknown): { values: Record<string, string>; input: ApplicationInput; forms: string[] } {
    const form = new FormReader(body);
    const values: Record<string, string> = {};
    for (const k of APP_FIELDS) values[k] = normaliseText(form.raw(k)).slice(0, k === 'infoDescription' ? 3000 : 300);
    const forms = form.list('forms', '信息形式', INFO_FORMS).slice(0, INFO_FORMS.length);
    values.forms = forms.join(',');
    values.idempotencyKey = form.raw('idempotencyKey').trim().slice(0, 100);
    return {
      values,
      forms,
      input: {
        applicantKind: values.applicantKind,
        orgSubtype: values.applicantKind === 'organisation' ? values.orgSubtype : undefined,
        name: values.name,
        contactPerson: values.contactPerson,
        idType: values.idType,
        idNumber: values.idNumber,
        phone: values.phone,
        email: values.email,
        address: values.address,
        postcode: values.postcode,
        infoDescription: values.infoDescription,
        infoDocNo: values.infoDocNo,
        forms,
        delivery: values.delivery,
      },
    };
  }

  const newKey = () => crypto.randomBytes(18).toString('base64url');

  async function renderForm(req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldErrors, status = 200) {
    const list = await units(req);
    const key = /^[A-Za-z0-9_-]{16,100}$/.test(values.idempotencyKey ?? '') ? values.idempotencyKey! : newKey();
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<ApplyFormPage ctx={pageContext(req, reply)} units={list.map((u) => ({ slug: u.slug, name: u.name }))} values={values} errors={errors} idempotencyKey={key} />));
  }

  app.get('/requests/apply', async (req, reply) => {
    const unit = queryText((req.query as Record<string, unknown>).unit, 60);
    const list = await units(req);
    return renderForm(req, reply, { unit: list.some((u) => u.slug === unit) ? unit : '' }, {});
  });

  /** Checks the form and the unit; the application when all is well. */
  async function check(req: FastifyRequest, input: ApplicationInput, unitSlug: string): Promise<{ errors: FieldErrors; app: Application | null; unit: UnitRow | undefined }> {
    const checked = validateApplication(input, shanghaiToday(core.clock.now()));
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    const unit = (await units(req)).find((u) => u.slug === unitSlug);
    if (!unitSlug) errors.unit = '请选择向哪个单位申请';
    else if (!unit) errors.unit = '请从列表中选择单位';
    // Field order of the form, so the error summary reads top to bottom.
    const order = ['unit', ...APP_FIELDS, 'forms'];
    const sorted: FieldErrors = {};
    for (const k of order) if (errors[k]) sorted[k] = errors[k];
    for (const [k, v] of Object.entries(errors)) if (!sorted[k]) sorted[k] = v;
    return { errors: sorted, app: checked.ok ? checked.value : null, unit };
  }

  function summaryOf(a: Application): [string, string][] {
    return [
      ['申请人类型', APPLICANT_KIND_LABELS[a.applicantKind] + (a.orgSubtype ? `（${ORG_SUBTYPE_LABELS[a.orgSubtype]}）` : '')],
      ['姓名或名称', a.name],
      ['法定代表人或联系人', a.contactPerson],
      ['身份证明', `${ID_TYPE_LABELS[a.idType]} ${a.idNumber}`],
      ['联系电话', a.phone],
      ['电子邮箱', a.email],
      ['通信地址', [a.address, a.postcode].filter(Boolean).join(' ')],
      ['所需信息', a.infoDescription],
      ['文号', a.infoDocNo],
      ['信息形式', a.forms.map((f) => INFO_FORM_LABELS[f]).join('、')],
      ['获取方式', DELIVERY_LABELS[a.delivery]],
    ];
  }

  const formLimit = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

  /** Step 1 → 2: check the form; show the confirmation with published records that may match. */
  app.post('/requests/apply', formLimit, async (req, reply) => {
    const { values, input, forms } = readApplication(req.body);
    if (new FormReader(req.body).raw('step') === 'edit') return renderForm(req, reply, values, {});
    const { errors, app: application, unit } = await check(req, input, values.unit!);
    if (!application || !unit || Object.keys(errors).length) return renderForm(req, reply, values, errors, 400);
    const matches = await findRecordMatches(app, req.headers.host ?? req.hostname, application.infoDescription, application.infoDocNo);
    const hidden: Record<string, string | string[]> = { idempotencyKey: values.idempotencyKey || newKey(), forms };
    for (const k of APP_FIELDS) hidden[k] = values[k] ?? '';
    return reply
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<ConfirmPage ctx={pageContext(req, reply)} unitName={unit.name} summary={summaryOf(application)} hidden={hidden} matches={matches} errors={{}} />));
  });

  /**
   * Step 2 → done. Idempotent by the form's key: a retried or double-clicked submit finds the same
   * request and shows the same 受理编号 and lookup code. Not PRG on purpose: the lookup code exists in
   * plain text only in this response (the database keeps its hash); a repeated POST shows it again.
   */
  app.post('/requests/apply/submit', formLimit, async (req, reply) => {
    const { values, input } = readApplication(req.body);
    const { errors, app: application, unit } = await check(req, input, values.unit!);
    if (!application || !unit || Object.keys(errors).length) return renderForm(req, reply, values, errors, 400);
    const attachments = uploadedFiles(req.body, 'attachments');
    const result = await submitOnline(core, {
      rootUnitId: req.site.rootUnitId,
      unitId: unit.id,
      application: input,
      idempotencyKey: values.idempotencyKey ?? '',
      attachments,
      audit: actorOf(req),
    });
    if (!result.ok) {
      if (result.errors.attachments) {
        const hidden: Record<string, string | string[]> = { idempotencyKey: values.idempotencyKey ?? '', forms: input.forms ?? [] };
        for (const k of APP_FIELDS) hidden[k] = values[k] ?? '';
        return reply
          .code(400)
          .type(HTML)
          .send(renderDocument(<ConfirmPage ctx={pageContext(req, reply)} unitName={unit.name} summary={summaryOf(application)} hidden={hidden} matches={[]} errors={{ attachments: result.errors.attachments }} />));
      }
      const e: FieldErrors = { ...result.errors };
      if (e.unitId) e.unit = e.unitId;
      delete e.unitId;
      return renderForm(req, reply, { ...values, idempotencyKey: e.idempotencyKey ? '' : values.idempotencyKey! }, Object.keys(e).length ? e : { unit: result.reasons.join('；') || '提交失败，请重试' }, 400);
    }
    rememberSeen(req, reply, result.requestNo);
    return reply
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<SubmittedPage ctx={pageContext(req, reply)} requestNo={result.requestNo} lookupCode={result.lookupCode} unitName={unit.name} online />));
  });

  // ------------------------------------------------------------------------------------------
  // Lookup

  function seenList(req: FastifyRequest): string[] {
    const raw = req.cookies[SEEN_COOKIE];
    if (!raw) return [];
    const un = req.unsignCookie(raw);
    if (!un.valid || !un.value) return [];
    return un.value.split(',').filter((x) => /^YSQ-\d{4}-\d{6,}$/.test(x));
  }

  function rememberSeen(req: FastifyRequest, reply: FastifyReply, requestNo: string): void {
    const list = [requestNo, ...seenList(req).filter((x) => x !== requestNo)].slice(0, SEEN_MAX);
    reply.setCookie(SEEN_COOKIE, list.join(','), { path: '/requests', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 2 * 3600, secure: core.config.production });
  }

  app.get('/requests/lookup', async (req, reply) => {
    const no = queryText((req.query as Record<string, unknown>).requestNo, 30);
    return reply.type(HTML).send(renderDocument(<LookupFormPage ctx={pageContext(req, reply)} values={{ requestNo: parseRequestNo(no)?.requestNo ?? '' }} errors={{}} />));
  });

  app.post('/requests/lookup', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const form = new FormReader(req.body);
    const rawNo = form.text('requestNo', { label: '受理编号', required: true, max: 30 });
    const rawCode = form.text('lookupCode', { label: '查询码', required: true, max: 20 });
    const parsed = rawNo ? parseRequestNo(rawNo) : null;
    if (rawNo && !parsed) form.fail('requestNo', '受理编号格式不正确，应类似 YSQ-2026-000123');
    if (!form.ok) return reply.code(400).type(HTML).send(renderDocument(<LookupFormPage ctx={pageContext(req, reply)} values={form.values} errors={form.errors} />));
    const row = await verifyApplicant(core, req.site.rootUnitId, parsed!.requestNo, normaliseLookupCode(rawCode));
    if (!row) {
      return reply
        .code(404)
        .type(HTML)
        .send(renderDocument(<LookupFormPage ctx={pageContext(req, reply)} values={form.values} errors={{}} message="受理编号或查询码不正确，请核对后重新输入。" />));
    }
    rememberSeen(req, reply, row.requestNo);
    return reply.redirect(`/requests/lookup/${row.requestNo}`, 303);
  });

  /** The request of :no if this browser proved it with the lookup code. */
  async function seenRequest(req: FastifyRequest) {
    const { no } = req.params as { no: string };
    const parsed = parseRequestNo(no);
    if (!parsed || !seenList(req).includes(parsed.requestNo)) return null;
    return (await findRequestByNo(core.db, req.site.rootUnitId, parsed.requestNo)) ?? null;
  }

  app.get('/requests/lookup/:no', async (req, reply) => {
    const row = await seenRequest(req);
    if (!row) return reply.redirect(`/requests/lookup?requestNo=${encodeURIComponent((req.params as { no: string }).no.slice(0, 30))}`, 303);
    const v = await publicView(core, row);
    const view: LookupView = {
      requestNo: v.requestNo,
      unitName: v.unitName,
      stateLabel: v.stateLabel,
      channelLabel: CHANNEL_LABELS[row.channel],
      submittedOn: v.submittedOn ?? v.receivedOn ?? '',
      receivedOn: v.receivedOn,
      dueOn: v.dueOn,
      dueProvisional: v.dueProvisional,
      clockSummary: v.clockSummary,
      repliedOn: v.repliedOn,
      outcomeLabel: v.outcomeLabel,
      steps: v.steps,
      letters: v.letters.map((l) => ({ id: l.id, title: l.title, sentOn: l.sentOn, downloadable: l.attachmentId !== null })),
      clarification: v.clarification,
    };
    return reply.type(HTML).header('cache-control', 'private, no-store').send(renderDocument(<LookupResultPage ctx={pageContext(req, reply)} view={view} />));
  });

  app.get('/requests/lookup/:no/letters/:id', async (req, reply) => {
    const row = await seenRequest(req);
    const { id } = req.params as { id: string };
    if (!row || !/^\d{1,12}$/.test(id)) throw new NotFoundError('该文书不存在，或需要先凭受理编号和查询码查询。');
    const v = await publicView(core, row);
    const letter = v.letters.find((l) => l.id === Number(id));
    if (!letter?.attachmentId) throw new NotFoundError('该文书不存在。');
    const file = await readAttachment(core, row.id, letter.attachmentId);
    if (!file) throw new NotFoundError('该文书不存在。');
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName, { ascii: `letter-${row.requestNo}-${id}.docx` }))
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  // ------------------------------------------------------------------------------------------
  // How to apply, statistics

  app.get('/requests/guide/:unitSlug', async (req, reply) => {
    const { unitSlug } = req.params as { unitSlug: string };
    const unit = (await units(req)).find((u) => u.slug === unitSlug);
    if (!unit) throw new NotFoundError('该单位不存在。');
    const doc = await currentGuideDocument(core, unit);
    // The 依申请公开 part of the 指南, and where to apply (the openness office and its contacts).
    const sections = doc.sections.filter((s) => s.key === 'on_request' || s.key === 'office').map((s) => ({ title: s.title, body: s.body }));
    return reply.type(HTML).send(renderDocument(<HowToApplyPage ctx={pageContext(req, reply)} unit={{ slug: unit.slug, name: unit.name }} sections={sections} guideVersion={doc.version} guideDate={doc.date} />));
  });

  app.get('/requests/statistics', async (req, reply) => {
    const stats = await statistics(core, req.site.rootUnitId);
    const y = queryText((req.query as Record<string, unknown>).year, 4);
    const year = /^\d{4}$/.test(y) && stats.years.includes(Number(y)) ? Number(y) : (stats.years[0] ?? null);
    const names = new Map((await publicUnitsOfRoot(core, req.site.rootUnitId)).map((u) => [u.id, u.name]));
    const rows = year === null ? [] : stats.rows.filter((r) => r.year === year).map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '（已撤销的单位）' }));
    rows.sort((a, b) => b.received - a.received || a.unitName.localeCompare(b.unitName, 'zh'));
    return reply
      .type(HTML)
      .send(renderDocument(<StatisticsPage ctx={pageContext(req, reply)} years={stats.years} year={year} rows={rows} total={year === null ? null : (stats.totals.get(year) ?? null)} />));
  });
}

/** The site's statistics, cached for a minute (they read every request of the site). */
export async function statistics(core: Core, rootUnitId: number): Promise<Statistics> {
  return statsCache.get(String(rootUnitId), async () => buildStatistics(await statisticsRows(core, rootUnitId), await requestCalendar(core)));
}
