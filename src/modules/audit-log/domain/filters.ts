// The audit log's filters and the date range they mean in instants.

export const PAGE_SIZE = 50;

/** Validated filters; every field optional. Dates are legal dates (YYYY-MM-DD) in Asia/Shanghai. */
export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  unitId?: number;
  action?: string;
  targetType?: string;
  targetId?: string;
}

/**
 * The half-open instant range [start, end) covering the legal dates from..to in Asia/Shanghai.
 * The zone has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
 */
export function instantRange(from: string | undefined, to: string | undefined): { start?: Date; end?: Date } {
  const start = from ? new Date(`${from}T00:00:00+08:00`) : undefined;
  const end = to ? new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 24 * 3600 * 1000) : undefined;
  return { start, end };
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
