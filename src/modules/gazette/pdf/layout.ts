// The print edition of an issue as one HTML document for a paged-media renderer, laid out after
// GB/T 9704-2012 《党政机关公文格式》 as regulation-wave2.md §6 reads it. Pure: no I/O.
//
//   A4 210 × 297 mm; 版心 156 × 225 mm; margins 上 37 mm, 下 35 mm, 左 (订口) 28 mm, 右 26 mm.
//   正文 3号仿宋 (16 pt), 22 lines × 28 characters a page: line pitch 225 mm / 22, character pitch 156 mm / 28.
//   标题 2号小标宋 (22 pt); 层次 一、黑体 /（一）楷体 / 1. 仿宋, all 3号.
//   页码 4号 (14 pt) 半角宋体 "— n —", its top 7 mm below the 版心; odd pages right, even pages left, one
//   character in from the edge of the 版心.
// Fonts: the licensed 方正/中易 faces first, then the free substitutes Debian's fonts-noto-cjk installs
// (docs/adr/0007-gazette-pdf-with-headless-chromium.md names them).
import { escapeHtml } from '../../../core/search/snippet.ts';

export const PAGE = { widthMm: 210, heightMm: 297, topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26, linesPerPage: 22, charsPerLine: 28 } as const;

export const FONTS = {
  fangsong: `"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", serif`,
  heiti: `"SimHei", "黑体", "Noto Sans CJK SC", sans-serif`,
  kaiti: `"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "AR PL UKai CN", "Noto Serif CJK SC", serif`,
  xiaobiaosong: `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", serif`,
  songti: `"SimSun", "宋体", "Noto Serif CJK SC", serif`,
} as const;

export interface PrintArticle {
  /** Position in the contents; the anchor a-<seq> marks where it starts. */
  seq: number;
  title: string;
  docNo: string;
  issuer: string;
  writtenOn: string | null;
  bodyHtml: string;
  /** For a 勘误: what it corrects, e.g. "2025年第3期《关于……的通知》". */
  corrects?: string;
}

export interface PrintIssue {
  gazetteName: string;
  /** 2025年第3期（总第27期）. */
  label: string;
  /** 编辑出版 line on the cover, e.g. 楚雄市人民政府办公室. */
  editor: string;
  issuedOn: string;
  sections: { name: string; articles: PrintArticle[] }[];
}

/** 2025-03-07 → 2025年3月7日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function css(): string {
  const p = PAGE;
  const bodyWidth = p.widthMm - p.leftMm - p.rightMm;
  const bodyHeight = p.heightMm - p.topMm - p.bottomMm;
  const folio = `font-family: ${FONTS.songti}; font-size: 14pt; vertical-align: top; padding-top: 7mm;`;
  return `
@page { size: A4; margin: ${p.topMm}mm ${p.rightMm}mm ${p.bottomMm}mm ${p.leftMm}mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; ${folio} padding-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; ${folio} padding-left: 1em; } }
@page :first { @bottom-right { content: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONTS.fangsong}; font-size: 16pt; line-height: calc(${bodyHeight}mm / ${p.linesPerPage});
  letter-spacing: calc(${bodyWidth}mm / ${p.charsPerLine} - 16pt); color: #000; line-break: strict; word-break: normal; overflow-wrap: anywhere; hanging-punctuation: none; }
p { margin: 0; text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }
.cover { height: ${bodyHeight}mm; text-align: center; display: flex; flex-direction: column; justify-content: space-between; letter-spacing: normal; }
.cover .name { font-family: ${FONTS.xiaobiaosong}; font-weight: bold; color: #c00; font-size: 40pt; line-height: 1.3; margin-top: 20mm; letter-spacing: 0.1em; }
.cover .label { font-size: 18pt; margin-top: 8mm; }
.cover .rule { border-top: 2pt solid #c00; margin: 6mm 0; }
.cover .foot { font-size: 14pt; line-height: 1.8; }
.contents { break-before: page; }
.contents h2 { font-family: ${FONTS.xiaobiaosong}; font-weight: bold; font-size: 22pt; text-align: center; margin: 0 0 1em; letter-spacing: 1em; }
.contents h3 { font-family: ${FONTS.heiti}; font-weight: normal; font-size: 16pt; margin: 0.5em 0 0; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { display: flex; align-items: baseline; text-indent: 0; }
.contents li a { color: inherit; text-decoration: none; flex: 1 1 auto; display: flex; align-items: flex-end; }
.contents .t { flex: 0 1 auto; padding-left: 1em; }
.contents .dots { flex: 1 1 2em; border-bottom: 1.5pt dotted #000; margin: 0 0.3em 0.45em; min-width: 2em; }
.contents .n { flex: 0 0 auto; letter-spacing: normal; font-variant-numeric: tabular-nums; }
.contents .no { display: block; font-size: 14pt; }
article { break-before: page; }
article h1 { font-family: ${FONTS.xiaobiaosong}; font-weight: bold; font-size: 22pt; line-height: 1.45; text-align: center; margin: 0 0 1em; letter-spacing: normal; }
article .docno { text-align: center; text-indent: 0; margin-bottom: 1em; }
article .section { font-family: ${FONTS.heiti}; font-size: 14pt; text-indent: 0; margin-bottom: 0.5em; }
article .corrects { text-indent: 0; font-family: ${FONTS.kaiti}; margin-bottom: 1em; }
article h2, article h3 { font-family: ${FONTS.heiti}; font-weight: normal; font-size: 16pt; margin: 0; text-indent: 2em; }
article h4 { font-family: ${FONTS.kaiti}; font-weight: normal; font-size: 16pt; margin: 0; text-indent: 2em; }
article ul, article ol { margin: 0; padding-left: 2em; }
article table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.5; letter-spacing: normal; margin: 0.5em 0; }
article th, article td { border: 0.75pt solid #000; padding: 1mm 2mm; text-indent: 0; }
article a { color: inherit; text-decoration: none; }
article .sign { text-align: right; text-indent: 0; margin-top: 1em; padding-right: 4em; }
`;
}

/**
 * The print document. `pages` gives the page where each article starts (by seq); when it is not known
 * yet the contents show a placeholder of the same width, so the contents keep their length.
 */
export function printDocument(issue: PrintIssue, pages: Map<number, number> = new Map()): string {
  const e = escapeHtml;
  const contents = issue.sections
    .filter((s) => s.articles.length)
    .map(
      (s) => `<h3>${e(s.name)}</h3><ol>${s.articles
        .map((a) => {
          const n = pages.get(a.seq);
          return `<li><a href="#a-${a.seq}"><span class="t">${e(a.title)}${a.docNo ? `<span class="no">（${e(a.docNo)}）</span>` : ''}</span><span class="dots"></span><span class="n">${n === undefined ? '000' : String(n).padStart(3, '\u2007')}</span></a></li>`;
        })
        .join('')}</ol>`,
    )
    .join('');
  const articles = issue.sections
    .flatMap((s) => s.articles.map((a) => ({ a, section: s.name })))
    .map(
      ({ a, section }) => `<article id="a-${a.seq}"><p class="section">${e(section)}</p><h1>${e(a.title)}</h1>${a.docNo ? `<p class="docno">${e(a.docNo)}</p>` : ''}${a.corrects ? `<p class="corrects">（更正${e(a.corrects)}）</p>` : ''}
<div class="body">${a.bodyHtml}</div>${a.issuer || a.writtenOn ? `<p class="sign">${e(a.issuer)}${a.issuer && a.writtenOn ? '<br>' : ''}${a.writtenOn ? e(chineseDate(a.writtenOn)) : ''}</p>` : ''}</article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${e(`《${issue.gazetteName}》${issue.label}`)}</title><style>${css()}</style></head><body>
<section class="cover"><div><div class="name">${e(issue.gazetteName)}</div><div class="label">${e(issue.label)}</div></div><div><div class="rule"></div><div class="foot">${e(issue.editor)}编辑出版<br>${e(chineseDate(issue.issuedOn))}</div></div></section>
<section class="contents"><h2>目录</h2>${contents}</section>
${articles}
</body></html>`;
}
