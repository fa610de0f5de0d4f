// Chinese full-text search without a dictionary (ARCHITECTURE §1): text is normalised, CJK runs
// are cut into overlapping bigrams, ASCII words and numbers stay whole, and PostgreSQL's 'simple'
// tsvector/tsquery do the rest. Pure: no I/O.
//
// Every CJK character takes exactly one position: the bigram it starts, or — for the last
// character of a run — the character alone. So "楚雄市" gives 楚雄:1 雄市:2 市:3, a query is a
// phrase of the same tokens, and a one-character query ("税") is the prefix query 税:* that finds
// both the bigrams starting with it and the run-final character.

export type Weight = 'A' | 'B' | 'C' | 'D';

/** Letters of scripts written without spaces; they are indexed as bigrams. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}〇]/u;
/** Letters, digits and marks of other scripts: kept together as words. */
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Longer words are cut (a tsvector lexeme must stay under 2 KB; nobody searches for them). */
export const MAX_WORD = 60;
/** PostgreSQL clamps positions above this; a chunk must stay below it. */
const MAX_POSITION = 16383;
/** PostgreSQL keeps at most this many positions per lexeme. */
const MAX_POSITIONS_PER_LEXEME = 256;

/** Full-width forms to half width (NFKC: ＡＢＣ１２３ → abc123, （ → (), then lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export type Run = { kind: 'cjk'; chars: string[] } | { kind: 'word'; text: string };

/** Splits normalised text into CJK runs and words; everything else separates them. */
export function runsOf(normalised: string): Run[] {
  const runs: Run[] = [];
  let cjk: string[] = [];
  let word = '';
  const flush = () => {
    if (cjk.length) runs.push({ kind: 'cjk', chars: cjk });
    if (word) runs.push({ kind: 'word', text: word.slice(0, MAX_WORD) });
    cjk = [];
    word = '';
  };
  for (const ch of normalised) {
    if (CJK.test(ch)) {
      if (word) flush();
      cjk.push(ch);
    } else if (WORD.test(ch)) {
      if (cjk.length) flush();
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/** The lexemes of a text in order, one per position. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of runsOf(normalise(text))) {
    if (run.kind === 'word') out.push(run.text);
    else run.chars.forEach((c, i) => out.push(i + 1 < run.chars.length ? c + run.chars[i + 1] : c));
  }
  return out;
}

/** A lexeme quoted for tsvector/tsquery input. */
function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export interface Field {
  text: string;
  weight: Weight;
}

export interface ChunkOptions {
  /** Positions per chunk (well under PostgreSQL's 16383 and its 256 positions per lexeme). */
  positions: number;
  /** Positions repeated at the start of the next chunk, so a phrase across a cut is still found. */
  overlap: number;
}

export const DEFAULT_CHUNK: ChunkOptions = { positions: 4000, overlap: 64 };

/**
 * tsvector literals (cast with ::tsvector, no parser involved) for the fields in order. Fields are
 * separated by an empty position, so a phrase never spans two fields. Long texts give several
 * chunks: PostgreSQL clamps positions at 16383 and keeps only 256 positions per lexeme, which would
 * make phrases in the tail of a long attachment unfindable.
 */
export function buildTsvectors(fields: Field[], opts: ChunkOptions = DEFAULT_CHUNK): string[] {
  if (opts.positions > MAX_POSITION || opts.overlap >= opts.positions) throw new Error('invalid chunk options');
  const stream: ({ lexeme: string; weight: Weight } | null)[] = [];
  for (const f of fields) {
    const tokens = tokenize(f.text);
    if (!tokens.length) continue;
    if (stream.length) stream.push(null);
    for (const lexeme of tokens) stream.push({ lexeme, weight: f.weight });
  }
  const chunks: string[] = [];
  const step = opts.positions - opts.overlap;
  for (let start = 0; start < stream.length; start += step) {
    const byLexeme = new Map<string, string[]>();
    const end = Math.min(stream.length, start + opts.positions);
    for (let i = start; i < end; i++) {
      const t = stream[i];
      if (!t) continue;
      let list = byLexeme.get(t.lexeme);
      if (!list) byLexeme.set(t.lexeme, (list = []));
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${i - start + 1}${t.weight === 'D' ? '' : t.weight}`);
    }
    if (byLexeme.size) chunks.push([...byLexeme].map(([lex, pos]) => `${quote(lex)}:${pos.join(',')}`).join(' '));
    if (end === stream.length) break;
  }
  return chunks;
}

export interface ParsedQuery {
  /** The normalised terms (split on spaces), for highlighting. */
  terms: string[];
  /** tsquery text (cast with ::tsquery), or null when the query has nothing searchable. */
  tsquery: string | null;
  /**
   * The same lexemes without word order (& instead of <->) and without prefix items when others
   * remain: a GIN index answers it without reading the documents, so it is the cheap superset of
   * `tsquery` used to narrow and count.
   */
  allLexemes: string | null;
}

/** Longest query read, in characters; terms beyond the eighth are ignored. */
export const MAX_QUERY_CHARS = 100;
export const MAX_TERMS = 8;

/** The phrase query of one term: the same tokens as the document, each next to the previous. */
function termQuery(term: string): string | null {
  const runs = runsOf(term);
  const parts: string[] = [];
  runs.forEach((run, r) => {
    const lastRun = r === runs.length - 1;
    if (run.kind === 'word') {
      parts.push(quote(run.text));
      return;
    }
    const n = run.chars.length;
    for (let i = 0; i < n - 1; i++) parts.push(quote(run.chars[i]! + run.chars[i + 1]!));
    const last = run.chars[n - 1]!;
    // A run followed by another: it really ends there, so its run-final token is in the document too.
    if (!lastRun) parts.push(quote(last));
    // A one-character ending: the document may continue the run (税 → 税收), so match as a prefix.
    else if (n === 1) parts.push(`${quote(last)}:*`);
  });
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
}

/** Parses what a person typed: every space-separated term must occur (as a phrase). */
export function parseQuery(input: string): ParsedQuery {
  const text = normalise(input.slice(0, MAX_QUERY_CHARS * 2)).slice(0, MAX_QUERY_CHARS);
  const terms: string[] = [];
  const queries: string[] = [];
  for (const term of text.split(/\s+/)) {
    if (!term || terms.length >= MAX_TERMS) continue;
    const q = termQuery(term);
    if (!q || queries.includes(q)) continue;
    terms.push(term);
    queries.push(q);
  }
  const all = [...new Set(queries.flatMap((q) => q.replace(/^\(|\)$/g, '').split(' <-> ')))];
  // Prefix items (a one-character ending) expand to many index entries: leave them to the phrase
  // check unless nothing else is left.
  const exact = all.filter((l) => !l.endsWith(':*'));
  const lexemes = exact.length ? exact : all;
  return { terms, tsquery: queries.length ? queries.join(' & ') : null, allLexemes: lexemes.length ? lexemes.join(' & ') : null };
}
