// Published records that may already hold what an applicant describes (the information may be public
// already). Asks the publishing module's public search API in-process (GET /api/v1/records/search),
// so this module depends on its published contract, not on its code.
import type { FastifyInstance } from 'fastify';
import { extractDocNo } from '../domain/similarity.ts';
import type { RecordMatch } from '../views/public.tsx';

const MAX_MATCHES = 5;

/** Search terms for a description: the 文号 if there is one, else its longest words. */
export function searchTerms(description: string, docNo: string): string[] {
  const out: string[] = [];
  const no = extractDocNo(docNo) || extractDocNo(description) || docNo.trim();
  if (no) out.push(no.slice(0, 100));
  const words = description
    .split(/[\s，。、；：！？,.;:!?“”"'（）()《》〈〉【】[\]{}]+/u)
    .map((w) => w.replace(/^(申请公开|申请获取|请提供|关于|有关)/, '').trim())
    .filter((w) => [...w].length >= 2)
    .sort((a, b) => [...b].length - [...a].length);
  if (words.length) {
    const top = words.slice(0, 3).map((w) => [...w].slice(0, 30).join(''));
    out.push(top.join(' '));
    if (top.length > 1) out.push(top[0]!);
  }
  return [...new Set(out)].filter(Boolean);
}

interface SearchResponse {
  items?: { record?: { url?: string; title?: string; docNo?: string; publisher?: string; publishedOn?: string } }[];
}

/** Up to five published records matching the description; [] when publishing has no search. */
export async function findRecordMatches(app: FastifyInstance, host: string, description: string, docNo: string): Promise<RecordMatch[]> {
  const seen = new Map<string, RecordMatch>();
  for (const q of searchTerms(description, docNo)) {
    if (seen.size >= MAX_MATCHES) break;
    let res;
    try {
      res = await app.inject({ method: 'GET', url: `/api/v1/records/search?q=${encodeURIComponent(q)}&pageSize=${MAX_MATCHES}`, headers: { host, accept: 'application/json' } });
    } catch {
      return [...seen.values()];
    }
    if (res.statusCode !== 200) continue;
    let body: SearchResponse;
    try {
      body = JSON.parse(res.body) as SearchResponse;
    } catch {
      continue;
    }
    for (const item of body.items ?? []) {
      const r = item.record;
      if (!r?.url || !r.title || seen.has(r.url)) continue;
      seen.set(r.url, { url: r.url, title: r.title, docNo: r.docNo ?? '', unitName: r.publisher ?? '', publishedOn: r.publishedOn ?? '' });
      if (seen.size >= MAX_MATCHES) break;
    }
  }
  return [...seen.values()];
}
