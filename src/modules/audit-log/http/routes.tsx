// The auditor's pages: the filtered audit log, its CSV and Excel exports, and the hash-chain check.
// The auditor only reads: nothing here changes state, so there are no POST routes.
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import type { Core } from '../../../core/services.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { actorOf, pageContext } from '../../../core/http/context.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatInstant, shanghaiToday } from '../../../core/clock.ts';
import { auditExport, verifyAuditChain } from '../../../core/audit/index.ts';
import { listUnitsOfRoot } from '../../units/index.ts';
import { countAuditRows, distinctCodes, iterateAuditRows, listAuditRows, type AuditRowView, type AuditScope } from '../data/repository.ts';
import { PAGE_SIZE, pageCount } from '../domain/filters.ts';
import { actionLabel, actionOptionLabel, targetText, targetTypeLabel } from '../domain/labels.ts';
import { summaryText, truncate } from '../domain/summary.ts';
import { CSV_BOM, EXPORT_CAP, EXPORT_HEADERS, csvLine, formatInstantSeconds } from '../domain/export.ts';
import { filterQuery, parseAuditQuery, type ParsedQuery } from './filters.ts';
import { AuditPage, type AuditResults, type AuditRowDisplay } from '../views/audit-page.tsx';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const SUMMARY_SHOWN = 120;

interface Loaded {
  scope: AuditScope;
  parsed: ParsedQuery;
  unitOptions: { value: string; label: string }[];
  actionOptions: { value: string; label: string }[];
  targetTypeOptions: { value: string; label: string }[];
  unitNames: Map<number, string>;
}

export function registerAuditRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff('auditor') };

  /** The city's units (archived ones too: their old rows stay) and the filter choices. */
  async function load(req: FastifyRequest): Promise<Loaded> {
    const user = req.user as CurrentUser;
    const cityUnits = await listUnitsOfRoot(core.db, user.rootUnitId, true);
    const scope: AuditScope = { unitIds: cityUnits.map((u) => u.id) };
    const codes = await distinctCodes(core.db, scope);
    const parsed = parseAuditQuery(req.query, { units: cityUnits, actions: codes.actions, targetTypes: codes.targetTypes });
    return {
      scope,
      parsed,
      unitOptions: cityUnits.map((u) => ({ value: u.slug, label: u.archivedAt ? `${u.name}（已撤销）` : u.name })),
      actionOptions: codes.actions.map((a) => ({ value: a, label: actionOptionLabel(a) })),
      targetTypeOptions: codes.targetTypes.map((t) => ({ value: t, label: targetTypeLabel(t) === t ? t : `${targetTypeLabel(t)}（${t}）` })),
      unitNames: new Map(cityUnits.map((u) => [u.id, u.name])),
    };
  }

  async function renderPage(req: FastifyRequest, reply: FastifyReply, l: Loaded, results: AuditResults | undefined, status: number) {
    const chain = await verifyAuditChain(core.db);
    const html = renderDocument(
      <AuditPage
        ctx={pageContext(req, reply)}
        values={l.parsed.values}
        errors={l.parsed.errors}
        unitOptions={l.unitOptions}
        actionOptions={l.actionOptions}
        targetTypeOptions={l.targetTypeOptions}
        results={results}
        chain={chain}
        query={filterQuery(l.parsed.values)}
        exportCap={EXPORT_CAP}
      />,
    );
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  }

  app.get('/staff/audit', guard, async (req, reply) => {
    const l = await load(req);
    const { parsed } = l;
    if (Object.keys(parsed.errors).length) return renderPage(req, reply, l, undefined, 400);
    const total = await countAuditRows(core.db, l.scope, parsed.filters);
    const pages = pageCount(total);
    const page = Math.min(parsed.page, pages);
    const rows = await listAuditRows(core.db, l.scope, parsed.filters, page, PAGE_SIZE);
    return renderPage(req, reply, l, { rows: rows.map(displayRow), total, page, pageCount: pages }, 200);
  });

  app.get('/staff/audit/export.csv', guard, async (req, reply) => {
    const l = await load(req);
    if (Object.keys(l.parsed.errors).length) return renderPage(req, reply, l, undefined, 400);
    // Recorded before anything is sent (rows: what matched before this record); the file then lists it too.
    await auditExport(core.db, actorOf(req), { list: 'audit_log', title: '审计日志', format: 'csv', filters: { ...l.parsed.values }, rows: Math.min(await countAuditRows(core.db, l.scope, l.parsed.filters), EXPORT_CAP) }, core.clock.now());
    const total = await countAuditRows(core.db, l.scope, l.parsed.filters);
    const rows = iterateAuditRows(core.db, l.scope, l.parsed.filters, EXPORT_CAP);
    async function* lines(): AsyncGenerator<string> {
      yield CSV_BOM + csvLine(EXPORT_HEADERS);
      for await (const r of rows) yield csvLine(exportValues(r));
    }
    exportHeaders(reply, total, `审计日志-${shanghaiToday(core.clock.now())}.csv`, `audit-log-${shanghaiToday(core.clock.now())}.csv`);
    return reply.type('text/csv; charset=utf-8').send(Readable.from(lines()));
  });

  app.get('/staff/audit/export.xlsx', guard, async (req, reply) => {
    const l = await load(req);
    if (Object.keys(l.parsed.errors).length) return renderPage(req, reply, l, undefined, 400);
    // Recorded before anything is sent (rows: what matched before this record); the file then lists it too.
    await auditExport(core.db, actorOf(req), { list: 'audit_log', title: '审计日志', format: 'xlsx', filters: { ...l.parsed.values }, rows: Math.min(await countAuditRows(core.db, l.scope, l.parsed.filters), EXPORT_CAP) }, core.clock.now());
    const total = await countAuditRows(core.db, l.scope, l.parsed.filters);
    const out = new PassThrough();
    const rows = iterateAuditRows(core.db, l.scope, l.parsed.filters, EXPORT_CAP);
    writeWorkbook(out, rows, total).catch((err: unknown) => {
      req.log.error({ err }, 'audit xlsx export failed');
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    exportHeaders(reply, total, `审计日志-${shanghaiToday(core.clock.now())}.xlsx`, `audit-log-${shanghaiToday(core.clock.now())}.xlsx`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(out);
  });
}

function exportHeaders(reply: FastifyReply, total: number, filename: string, ascii: string): void {
  reply.header('content-disposition', contentDisposition(filename, { ascii }));
  reply.header('cache-control', 'no-store');
  reply.header('x-export-total', String(total));
  if (total > EXPORT_CAP) reply.header('x-export-truncated', String(EXPORT_CAP));
}

function actorText(r: AuditRowView): string {
  if (r.actorUsername && !r.actorName.includes(r.actorUsername)) return `${r.actorName}（${r.actorUsername}）`;
  return r.actorName;
}

function displayRow(r: AuditRowView): AuditRowDisplay {
  const full = summaryText(r.summary);
  return {
    id: r.id,
    time: formatInstant(r.at),
    actor: actorText(r),
    unit: r.unitName ?? '—',
    action: actionLabel(r.action),
    actionCode: r.action,
    target: targetText(r.targetType, r.targetId),
    summaryShort: truncate(full, SUMMARY_SHOWN),
    summaryFull: truncate(full, 2000),
    ip: r.ip,
    requestId: r.requestId,
  };
}

/** One export row, in the order of EXPORT_HEADERS. */
function exportValues(r: AuditRowView): string[] {
  return [
    String(r.id),
    formatInstantSeconds(r.at),
    actorText(r),
    r.unitName ?? '',
    actionLabel(r.action),
    r.action,
    targetTypeLabel(r.targetType),
    r.targetId,
    summaryText(r.summary),
    r.ip,
    r.requestId,
  ];
}

const XLSX_WIDTHS = [10, 20, 28, 24, 18, 24, 14, 14, 60, 16, 38];

/** Streams the workbook row by row, so a 100,000-row export never sits in memory whole. */
async function writeWorkbook(out: PassThrough, rows: AsyncIterable<AuditRowView>, total: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // Streamed rows cannot be revisited for row heights; the page set-up alone makes it print on A4.
  const ws = wb.addWorksheet('审计日志', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = EXPORT_HEADERS.map((header, i) => ({ header, key: `c${i}`, width: XLSX_WIDTHS[i] ?? 16 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  // Every cell is written as text (times too): a spreadsheet must not re-zone or reformat them.
  for await (const r of rows) ws.addRow(exportValues(r)).commit();
  ws.commit();
  if (total > EXPORT_CAP) {
    const note = wb.addWorksheet('说明');
    note.addRow([`符合条件的记录共 ${total} 条，超过导出上限 ${EXPORT_CAP} 条：本文件只包含最新的 ${EXPORT_CAP} 条。请缩小日期范围后分批导出。`]).commit();
    note.commit();
  }
  await wb.commit();
}
