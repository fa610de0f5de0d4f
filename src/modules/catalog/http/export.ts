// A unit's catalog as a file (xlsx in the national layout, CSV with BOM, JSON): the staff pages and
// the staff API send the same bytes.
import type { FastifyReply } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { contentDisposition, exportFileNames, exportTitle, type ExportFormat } from '../domain/export-names.ts';
import { catalogToCsv, catalogToJson, writeCatalogWorkbook } from '../import/write-catalog.ts';
import { loadUnitCatalog, type CatalogUnit } from './staff-common.ts';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const satisfies readonly ExportFormat[];

export async function sendCatalogExport(core: Core, c: CatalogUnit, format: ExportFormat, reply: FastifyReply) {
  const cat = await loadUnitCatalog(core, c);
  const items = cat.items.map(cat.data);
  const title = exportTitle(c.unit.name);
  const names = exportFileNames(c.unit.name, c.unit.slug, shanghaiToday(core.clock.now()), format);
  reply.header('content-disposition', contentDisposition(names.name, names.ascii));
  reply.header('cache-control', 'no-store');
  if (format === 'xlsx') {
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await writeCatalogWorkbook(title, items));
  }
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(catalogToCsv(items));
  return reply.type('application/json; charset=utf-8').send(catalogToJson(items, title));
}
