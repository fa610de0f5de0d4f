// Highlighted snippets for search results, computed here rather than with ts_headline (which knows
// nothing of bigrams). Matching is done on the normalised text (full width → half width, lower
// case) and mapped back to the original characters. Output is a list of segments; segmentsToHtml
// escapes every character, so a title with markup stays inert. Pure: no I/O.
import { normalise, runsOf } from './bigram.ts';
import { normaliseDocNumber } from './doc-number.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** What to look for in a text: each whole term and each of its runs (lone characters only when a term is one). */
export function needlesOf(terms: string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) {
    const runs = runsOf(normalise(term));
    const whole = runs.map((r) => (r.kind === 'cjk' ? r.chars.join('') : r.text)).join('');
    if (!whole) continue;
    const exact = normalise(term).replace(/\s+/g, '');
    if (exact) out.add(exact);
    const docNo = normaliseDocNumber(term);
    if (docNo) out.add(normalise(docNo));
    for (const r of runs) {
      const s = r.kind === 'cjk' ? r.chars.join('') : r.text;
      if ([...s].length > 1 || runs.length === 1) out.add(s);
    }
  }
  // Longest first, so 财政预算 wins over 财政 where both match.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The normalised text and, for each of its UTF-16 units, the index in the original text. */
function normaliseWithMap(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normalise(ch);
    for (let k = 0; k < n.length; k++) map.push(i);
    norm += n;
    i += ch.length;
  }
  map.push(text.length);
  return { norm, map };
}

interface Hit {
  start: number;
  end: number;
  needle: number;
}

/** Non-overlapping matches of the needles, in original-text coordinates, sorted. */
function findHits(text: string, needles: string[], limit = 2000): Hit[] {
  if (!needles.length || !text) return [];
  const { norm, map } = normaliseWithMap(text);
  const taken = new Uint8Array(norm.length);
  const hits: Hit[] = [];
  needles.forEach((needle, n) => {
    let from = 0;
    while (hits.length < limit) {
      const at = norm.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      let free = true;
      for (let k = at; k < end; k++) if (taken[k]) free = false;
      if (free) {
        taken.fill(1, at, end);
        hits.push({ start: map[at]!, end: map[end]!, needle: n });
      }
      from = at + 1;
    }
  });
  return hits.sort((a, b) => a.start - b.start);
}

function segmentsOf(text: string, hits: Hit[], from: number, to: number): Segment[] {
  const segs: Segment[] = [];
  let pos = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    const s = Math.max(h.start, from);
    const e = Math.min(h.end, to);
    if (s > pos) segs.push({ text: text.slice(pos, s), mark: false });
    const last = segs[segs.length - 1];
    // Words that stand together are one mark (喀斯特 + 泉群 → <mark>喀斯特泉群</mark>).
    if (last?.mark && s === pos) last.text += text.slice(s, e);
    else segs.push({ text: text.slice(s, e), mark: true });
    pos = e;
  }
  if (pos < to) segs.push({ text: text.slice(pos, to), mark: false });
  return segs;
}

/** The whole text with every match marked (for titles). */
export function markAll(text: string, terms: string[]): Segment[] {
  return segmentsOf(text, findHits(text, needlesOf(terms)), 0, text.length);
}

/**
 * A window of about maxChars characters of the text around the best cluster of matches (the one
 * covering the most different terms, then the earliest), with the matches marked and "…" where
 * the text was cut. Without any match: the beginning of the text.
 */
export function snippet(text: string, terms: string[], maxChars = 120): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = findHits(flat, needlesOf(terms));
  if (flat.length <= maxChars) return segmentsOf(flat, hits, 0, flat.length);
  let best = { from: 0, score: -1 };
  const lead = Math.floor(maxChars / 5);
  for (const h of hits.slice(0, 500)) {
    const from = Math.max(0, Math.min(h.start - lead, flat.length - maxChars));
    const to = from + maxChars;
    const inside = hits.filter((x) => x.start >= from && x.end <= to);
    const score = new Set(inside.map((x) => x.needle)).size * 10_000 + inside.length;
    if (score > best.score) best = { from, score };
  }
  let from = best.from;
  // Do not cut a surrogate pair in two.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(flat[from]!)) from--;
  let to = Math.min(flat.length, from + maxChars);
  if (to < flat.length && /[\uDC00-\uDFFF]/.test(flat[to]!)) to++;
  const segs = segmentsOf(flat, hits, from, to);
  if (from > 0) segs.unshift({ text: '…', mark: false });
  if (to < flat.length) segs.push({ text: '…', mark: false });
  return segs;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Segments as HTML: text escaped, matches in <mark>. */
export function segmentsToHtml(segs: Segment[]): string {
  return segs.map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}

export function segmentsToText(segs: Segment[]): string {
  return segs.map((s) => s.text).join('');
}
