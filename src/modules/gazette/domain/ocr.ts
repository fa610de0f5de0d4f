// What OCR output means for the archive: Tesseract's TSV (one row per recognised word with its
// confidence) becomes the text of a page, and a page is readable or not. Pure: no I/O.

export interface PageText {
  text: string;
  /** Mean word confidence, 0–100; null when nothing was recognised. */
  confidence: number | null;
  /** Letters and digits recognised (punctuation and spaces not counted). */
  characters: number;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The text of a page from `tesseract … tsv`: words of a line joined (no space between Chinese words,
 * one between words of other scripts), lines by newlines, paragraphs by a blank line. Words Tesseract
 * itself gives up on (confidence -1 with no text) are skipped.
 */
export function textFromTsv(tsv: string): PageText {
  const lines: string[] = [];
  let key = '';
  let line: string[] = [];
  let para = '';
  let sum = 0;
  let words = 0;
  const flush = () => {
    if (line.length) lines.push(line.reduce((acc, w) => (acc && !CJK.test(acc.at(-1)!) && !CJK.test(w[0]!) ? `${acc} ${w}` : acc + w), ''));
    line = [];
  };
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const word = c.slice(11).join('\t').trim();
    const conf = Number(c[10]);
    if (!word || conf < 0) continue;
    const p = `${c[2]}.${c[3]}`;
    const k = `${p}.${c[4]}`;
    if (k !== key) {
      flush();
      if (para && p !== para) lines.push('');
      key = k;
      para = p;
    }
    line.push(word);
    sum += conf;
    words++;
  }
  flush();
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text, confidence: words ? Math.round((sum / words) * 10) / 10 : null, characters: [...text].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).length };
}

/** Below these a page is marked unreadable: kept and shown, but staff are told its text needs typing in. */
export const READABLE = { minCharacters: 20, minConfidence: 50 };

export function readable(p: Pick<PageText, 'confidence' | 'characters'>): boolean {
  return p.characters >= READABLE.minCharacters && (p.confidence ?? 0) >= READABLE.minConfidence;
}

export type OcrState = 'queued' | 'running' | 'done' | 'unreadable' | 'no_engine' | 'failed';

export const OCR_STATE_LABELS: Record<OcrState, string> = {
  queued: '排队等待识别',
  running: '正在识别',
  done: '已识别',
  unreadable: '部分或全部页面无法识别',
  no_engine: '服务器未安装文字识别引擎，未识别',
  failed: '识别出错',
};

/** The state of a scan once every page was read: unreadable when any page is. */
export function scanOutcome(pages: { readable: boolean }[]): OcrState {
  return pages.length && pages.every((p) => p.readable) ? 'done' : 'unreadable';
}

/**
 * Share of the expected characters found in the recognised text, in order (longest common
 * subsequence over letters and digits, ignoring spaces and punctuation): 1 when every character was read.
 */
export function characterAccuracy(expected: string, recognised: string): number {
  const clean = (s: string) => [...s.normalize('NFKC')].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  const a = clean(expected);
  const b = clean(recognised);
  if (!a.length) return 1;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]! / a.length;
}
