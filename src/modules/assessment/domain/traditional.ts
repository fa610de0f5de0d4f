// 繁体字 and 异体字 in the body of a public record. 国家通用语言文字法 第九条: 国家机关以普通话和规范汉字为公务
// 用语用字; 第十七条 lists where 繁体字、异体字 may be kept (文物古迹, 姓氏中的异体字, 书法篆刻, 题词和招牌的手书字,
// 出版教学研究, 经批准的特殊情况), so a hit is a prompt for the reviewer, not a refusal.
// The character list is OpenCC's traditional→simplified table (opencc-js, ADR 0015).
import TS from 'opencc-js/dict/TSCharacters';
import ST from 'opencc-js/dict/STCharacters';

// 《通用规范汉字表》(2013) keeps these as 规范字 in some uses (乾坤, 宫商角徵羽, 於 as a surname, 夥 meaning 多,
// 釐 as a surname): a finding on them would be wrong as often as right.
const STANDARD_IN_SOME_USES = new Set(['乾', '徵', '於', '夥', '釐']);

function parse(dict: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const entry of dict.split('|')) {
    const [from, ...to] = entry.split(' ');
    if (from && to.length) m.set(from, to);
  }
  return m;
}

let table: Map<string, string> | null = null;

/**
 * Traditional or variant character → its 规范字 (the first simplified form OpenCC gives). A character
 * that is itself a simplified form of something (a key of the simplified→traditional table) is not listed.
 */
export function traditionalCharacters(): Map<string, string> {
  if (table) return table;
  const ts = parse(TS);
  const simplifiedKeys = new Set(parse(ST).keys());
  const t = new Map<string, string>();
  for (const [from, to] of ts) {
    if (simplifiedKeys.has(from) || STANDARD_IN_SOME_USES.has(from)) continue;
    t.set(from, to[0]!);
  }
  table = t;
  return t;
}
