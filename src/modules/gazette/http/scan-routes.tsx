// Routes of the scanned archive: staff upload, status, re-reading and page-text correction; the public
// download of a scan and of each page's image. The issue page itself (/gazette/YYYY/N) is in public-routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, uploadedFile, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { FileNotFoundError, fileStorage } from '../../../core/files/storage.ts';
import { gazetteName, issueLabel } from '../domain/numbering.ts';
import { governmentName, proposedNumber, publisherFor, type GazetteActor } from '../service.ts';
import { correctPageText, createScan, findScan, listScans, requeueScan, withdrawScan, WITHDRAW_REASON_MAX } from '../scans.ts';
import type { OcrWorker } from '../ocr/worker.ts';
import { StaffScanPage, StaffScansPage, STAFF_SCANS, staffScanPath } from '../views/scans.tsx';
import { IssueListPage } from '../views/staff.tsx';
import { HTML, intParam } from './public-routes.tsx';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const actor = (req: FastifyRequest): GazetteActor => ({ user: req.user!, audit: actorOf(req) });

export function registerGazetteScanRoutes(app: FastifyInstance, core: Core, worker: OcrWorker): void {
  const guard = { preHandler: requireStaff() };
  const storage = fileStorage(core.config);

  /** The publisher for this user, or the refusal page (departments and townships). */
  async function publisher(req: FastifyRequest, reply: FastifyReply) {
    const pub = await publisherFor(core.db, req.user!);
    if (pub.ok) return pub.unit;
    const root = req.user!.rootUnitId;
    const year = Number(shanghaiToday(core.clock.now()).slice(0, 4));
    await reply
      .code(403)
      .type(HTML)
      .send(renderDocument(<IssueListPage ctx={pageContext(req, reply)} name="" issues={[]} refusals={pub.reasons} proposal={await proposedNumber(core.db, root, year)} values={{}} errors={{}} reasons={[]} />));
    return null;
  }

  async function renderList(req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors: FieldErrors = {}, reasons: string[] = [], status = 200) {
    const unit = await publisher(req, reply);
    if (!unit) return reply;
    const year = Number(shanghaiToday(core.clock.now()).slice(0, 4));
    const [scans, proposal] = await Promise.all([listScans(core.db, unit.id, undefined, { withdrawn: true }), proposedNumber(core.db, unit.id, year)]);
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<StaffScansPage ctx={pageContext(req, reply)} name={gazetteName(unit.name)} scans={scans} proposal={proposal} values={values} errors={errors} reasons={reasons} />));
  }

  app.get(STAFF_SCANS, guard, (req, reply) => renderList(req, reply));

  app.post(STAFF_SCANS, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const year = form.integer('year', '年份', { min: 1949, max: 2100 });
    const number = form.integer('number', '期号', { min: 1, max: 99 });
    const overall = form.integer('overall', '总期号', { min: 1, max: 99999 });
    const issuedOn = form.date('issuedOn', '出版日期', false);
    const file = uploadedFile(req.body, 'file');
    if (!file) form.fail('file', '请选择扫描件文件');
    if (!form.ok || year === undefined || number === undefined || overall === undefined) return renderList(req, reply, form.values, form.errors, [], 400);
    const r = await createScan(core, actor(req), { year, number, overall, issuedOn: issuedOn ?? null, file });
    if (!r.ok) return renderList(req, reply, form.values, r.fields ?? {}, r.reasons, r.fields ? 400 : 403);
    if (r.scan.ocrState === 'queued') void worker.kick();
    setFlash(reply, r.scan.ocrState === 'queued' ? `已上传${issueLabel(r.scan)}的扫描件，正在后台识别文字。` : `已上传${issueLabel(r.scan)}的扫描件。${r.scan.ocrMessage}`);
    return reply.redirect(staffScanPath(r.scan), 303);
  });

  async function renderScan(req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors: FieldErrors = {}, reasons: string[] = [], status = 200) {
    const unit = await publisher(req, reply);
    if (!unit) return reply;
    const id = intParam((req.params as Record<string, string>).id, 1, 999_999_999);
    const found = id ? await findScan(core.db, unit.id, { id }) : undefined;
    if (!found) throw new NotFoundError('没有这份扫描件。');
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<StaffScanPage ctx={pageContext(req, reply)} scan={found.scan} pages={found.pages} values={values} errors={errors} reasons={reasons} />));
  }

  app.get(`${STAFF_SCANS}/:id`, guard, (req, reply) => renderScan(req, reply));

  app.post(`${STAFF_SCANS}/:id/requeue`, guard, async (req, reply) => {
    const id = intParam((req.params as Record<string, string>).id, 1, 999_999_999) ?? 0;
    const r = await requeueScan(core, actor(req), id);
    if (!r.ok) return renderScan(req, reply, {}, {}, r.reasons, 400);
    void worker.kick();
    setFlash(reply, '已重新排队识别。');
    return reply.redirect(staffScanPath({ id }), 303);
  });

  app.post(`${STAFF_SCANS}/:id/withdraw`, guard, async (req, reply) => {
    const id = intParam((req.params as Record<string, string>).id, 1, 999_999_999) ?? 0;
    const form = new FormReader(req.body);
    const reason = form.text('reason', { label: '撤回原因', max: WITHDRAW_REASON_MAX });
    if (!form.ok) return renderScan(req, reply, form.values, form.errors, [], 400);
    const r = await withdrawScan(core, actor(req), id, reason);
    if (!r.ok) return renderScan(req, reply, form.values, r.fields ?? {}, r.fields ? [] : r.reasons, r.fields ? 400 : 404);
    setFlash(reply, '已撤回扫描件：公众页面和检索不再提供，期号可以重新上传。');
    return reply.redirect(staffScanPath({ id }), 303);
  });

  app.post(`${STAFF_SCANS}/:id/pages/:page`, guard, async (req, reply) => {
    const p = req.params as Record<string, string>;
    const id = intParam(p.id, 1, 999_999_999) ?? 0;
    const page = intParam(p.page, 1, 9999) ?? 0;
    const form = new FormReader(req.body);
    const name = `text-${page}`;
    const text = form.text(name, { label: `第${page}页文字`, max: 100_000 });
    if (!form.ok) return renderScan(req, reply, form.values, form.errors, [], 400);
    const r = await correctPageText(core, actor(req), id, page, text);
    if (!r.ok) return renderScan(req, reply, form.values, { [name]: r.reasons[0]! }, [], 400);
    setFlash(reply, `已保存第${page}页文字。`);
    return reply.redirect(`${staffScanPath({ id })}#p-${page}`, 303);
  });

  // Public: the scan as uploaded, and each page's image (scans of past issues are public).
  const scanOf = async (req: FastifyRequest) => {
    const p = req.params as Record<string, string>;
    const year = intParam(p.year, 1949, 2100);
    const number = intParam(p.number, 1, 99);
    const found = year && number ? await findScan(core.db, req.site.rootUnitId, { year, number }) : undefined;
    if (!found) throw new NotFoundError('没有这一期的扫描件。');
    return found;
  };
  const send = async (reply: FastifyReply, key: string, type: string, disposition: string) => {
    let bytes: Buffer;
    try {
      bytes = await storage.get(key);
    } catch (err) {
      if (err instanceof FileNotFoundError) throw new NotFoundError('扫描件文件已丢失。');
      throw err;
    }
    return reply.type(type).headers({ 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff', 'content-disposition': disposition }).send(bytes);
  };

  app.get('/gazette/:year/:number/scan', async (req, reply) => {
    const { scan } = await scanOf(req);
    const name = `${gazetteName(await governmentName(core.db, req.site.rootUnitId))}${issueLabel(scan)}（扫描件）.${scan.mediaType === 'application/pdf' ? 'pdf' : scan.mediaType === 'image/png' ? 'png' : 'jpg'}`;
    return send(reply, scan.fileKey, scan.mediaType, contentDisposition(name, { ascii: `gazette-${scan.year}-${scan.number}-scan` }));
  });

  app.get('/gazette/:year/:number/scan/:page', async (req, reply) => {
    const found = await scanOf(req);
    const page = intParam((req.params as Record<string, string>).page, 1, 9999);
    const p = found.pages.find((x) => x.page === page);
    if (!p) throw new NotFoundError('扫描件没有这一页。');
    return send(reply, p.imageKey, p.imageType, 'inline');
  });
}
