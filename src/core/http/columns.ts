// Columns a person may fold away in a staff table, chosen without JavaScript: a GET form sends the
// columns to show, and a cookie remembers the choice for that table.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface ColumnOption {
  key: string;
  label: string;
}

const COOKIE_PREFIX = 'gk_cols_';
const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * The optional columns to show in table `table`: from the form when it was just sent (`cols=1` marks
 * it, `col` lists the ticked ones), else from the remembered choice, else all. Unknown keys are dropped.
 */
export function chosenColumns(req: FastifyRequest, reply: FastifyReply, table: string, options: readonly ColumnOption[]): Set<string> {
  const known = new Set(options.map((o) => o.key));
  const q = req.query as Record<string, unknown>;
  const cookie = `${COOKIE_PREFIX}${table}`;
  if (q.cols === '1') {
    const raw = q.col === undefined ? [] : Array.isArray(q.col) ? q.col : [q.col];
    const shown = new Set(raw.filter((k): k is string => typeof k === 'string' && known.has(k)));
    // A display preference only, so no CSRF concern; '-' stands for "none of them".
    reply.setCookie(cookie, [...shown].join('.') || '-', { path: '/staff', httpOnly: true, sameSite: 'lax', maxAge: ONE_YEAR_S });
    return shown;
  }
  const saved = req.cookies[cookie];
  if (typeof saved === 'string' && /^[a-z0-9.-]{1,200}$/i.test(saved)) return new Set(saved.split('.').filter((k) => known.has(k)));
  return new Set(known);
}
