// A unit's catalog as a file (xlsx in the national layout, CSV with BOM, JSON): the staff pages and
// the staff API send the same bytes.
import type { FastifyReply } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { exportFileNames, exportTitle, type ExportFormat } from '../domain/export-names.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';
import { catalogToCsv, catalogToJson, writeCatalogWorkbook } from '../import/write-catalog.ts';
import { loadUnitCatalog, type CatalogUnit } from './staff-common.ts';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const satisfies readonly ExportFormat[];

/** Sends the unit's catalog as a download; public pages may let caches keep it a few minutes. */
export async function sendCatalogExport(core: Core, c: Pick<CatalogUnit, 'unit' | 'isRoot' | 'rootUnitId'>, format: ExportFormat, reply: FastifyReply, cacheControl = 'no-store') {
  const cat = await loadUnitCatalog(core, c);
  const items = cat.items.map(cat.data);
  const title = exportTitle(c.unit.name);
  const names = exportFileNames(c.unit.name, c.unit.slug, shanghaiToday(core.clock.now()), format);
  reply.header('content-disposition', contentDisposition(names.name, { ascii: names.ascii }));
  reply.header('cache-control', cacheControl);
  if (format === 'xlsx') {
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await writeCatalogWorkbook(title, items));
  }
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(catalogToCsv(items));
  return reply.type('application/json; charset=utf-8').send(catalogToJson(items, title));
}
