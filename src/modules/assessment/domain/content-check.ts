// 错敏词 content checks before publishing (regulation-wave2.md §9): 严重表述错误 in leaders' names and titles,
// outdated organisation names, 易错词, 繁体字/异体字, the office's sensitive words and personal data.
// Pure: the tables and `today` are arguments. Terms are found with an Aho–Corasick automaton (ADR 0015),
// one pass over the text whatever the size of the tables; 繁体字 are single characters, looked up one by one.
import { AhoCorasick } from '@monyone/aho-corasick';
import { findPersonalData, type PersonalDataKind } from '../../../core/validation/personal-data.ts';
import { traditionalCharacters } from './traditional.ts';
import type { SensitiveLevel } from './defaults.ts';

export type FindingKind = 'leader_title' | 'leader_name' | 'outdated_org' | 'misspelling' | 'traditional' | 'sensitive' | PersonalDataKind;

export const FINDING_LABELS: Record<FindingKind, string> = {
  leader_title: '领导人职务错误',
  leader_name: '领导人姓名疑似错误',
  outdated_org: '过期机构名称',
  misspelling: '疑似错别字',
  traditional: '繁体字或异体字',
  sensitive: '敏感词',
  resident_id: '居民身份证号',
  mobile: '手机号码',
  bank_card: '银行卡号',
};

/** The rule each kind of finding applies. */
export const FINDING_BASIS: Record<FindingKind, string> = {
  leader_title: '国办秘函〔2019〕19号 单项否决指标“严重表述错误”',
  leader_name: '国办秘函〔2019〕19号 单项否决指标“严重表述错误”（领导人姓名写错）',
  outdated_org: '2018年党和国家机构改革：机构名称已变更',
  misspelling: '国办秘函〔2019〕19号 扣分指标：错别字',
  traditional: '《国家通用语言文字法》第九条：国家机关以规范汉字为公务用字',
  sensitive: '政务公开办维护的敏感词表；《政府信息公开条例》第十四条',
  resident_id: '《政府信息公开条例》第十五条；《个人信息保护法》第二十八条',
  mobile: '《政府信息公开条例》第十五条',
  bank_card: '《政府信息公开条例》第十五条；《个人信息保护法》第二十八条（金融账户）',
};

export type Severity = 'block' | 'warn';

export interface LeaderEntry {
  name: string;
  title: string;
  validFrom: string;
  /** Last day in office; null while in office. */
  validTo: string | null;
}

export interface CheckTables {
  leaders: readonly LeaderEntry[];
  renamedOrgs: readonly { oldName: string; newName: string; effectiveOn: string }[];
  misspellings: readonly { wrong: string; right: string }[];
  sensitive: readonly { word: string; level: SensitiveLevel; note: string }[];
}

export interface TextPart {
  /** Where the text is, as people read it ("标题", "正文", "附件“名单.xlsx”"). */
  where: string;
  text: string;
}

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  where: string;
  /** Paragraph (line) of the first occurrence, from 1. */
  paragraph: number;
  /** What was found (personal data masked). */
  found: string;
  suggestion: string;
  /** Up to 12 characters each side of the first occurrence (personal data never shown unmasked). */
  before: string;
  after: string;
  /** Occurrences of the same text in the same place. */
  count: number;
  basis: string;
}

type Role =
  | { t: 'name'; name: string }
  | { t: 'title'; title: string }
  | { t: 'org'; newName: string; effectiveOn: string }
  | { t: 'miss'; right: string }
  | { t: 'sens'; level: SensitiveLevel; note: string };

interface Occurrence {
  begin: number;
  end: number;
  keyword: string;
}

const CONTEXT = 12;
const CJK = /^[\u3400-\u9fff]+$/u;

function inOffice(l: LeaderEntry, today: string): boolean {
  return l.validFrom <= today && (l.validTo === null || l.validTo >= today);
}

/** One character apart, same length: 王建华 for 王建国. */
function oneCharApart(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}

/** A checker compiled from the office's tables; compile once per change of the tables, check many texts. */
export class ContentChecker {
  private readonly roles = new Map<string, Role[]>();
  private readonly automaton: AhoCorasick;
  private readonly leaders: readonly LeaderEntry[];

  constructor(tables: CheckTables) {
    this.leaders = tables.leaders;
    const add = (k: string, r: Role) => {
      const key = k.trim();
      if (!key) return;
      const list = this.roles.get(key);
      if (list) list.push(r);
      else this.roles.set(key, [r]);
    };
    const titles = new Set(tables.leaders.map((l) => l.title.trim()).filter(Boolean));
    for (const l of tables.leaders) add(l.name, { t: 'name', name: l.name });
    for (const title of titles) {
      add(title, { t: 'title', title });
      // 副市长 / 常务副市长 written for a 市长 are wrong titles too, even when no one in the table holds them.
      for (const variant of ['副' + title, '常务副' + title]) if (!title.includes('副') && !titles.has(variant)) add(variant, { t: 'title', title: variant });
    }
    for (const o of tables.renamedOrgs) add(o.oldName, { t: 'org', newName: o.newName, effectiveOn: o.effectiveOn });
    for (const m of tables.misspellings) add(m.wrong, { t: 'miss', right: m.right });
    for (const s of tables.sensitive) add(s.word, { t: 'sens', level: s.level, note: s.note });
    this.automaton = new AhoCorasick([...this.roles.keys()]);
  }

  check(parts: readonly TextPart[], today: string): Finding[] {
    const out: Finding[] = [];
    for (const part of parts) out.push(...this.checkPart(part, today));
    return out;
  }

  private checkPart({ where, text }: TextPart, today: string): Finding[] {
    const grouped = new Map<string, Finding>();
    const emit = (kind: FindingKind, severity: Severity, begin: number, end: number, found: string, suggestion: string, shown?: string) => {
      const key = `${kind}\u0000${found}`;
      const prev = grouped.get(key);
      if (prev) {
        prev.count++;
        return;
      }
      grouped.set(key, {
        kind,
        severity,
        where,
        paragraph: countLines(text, begin),
        found: shown ?? found,
        suggestion,
        before: oneLine(text.slice(Math.max(0, begin - CONTEXT), begin)),
        after: oneLine(text.slice(end, end + CONTEXT)),
        count: 1,
        basis: FINDING_BASIS[kind],
      });
    };

    const names: Occurrence[] = [];
    const titles: Occurrence[] = [];
    for (const m of this.automaton.matchInText(text)) {
      for (const r of this.roles.get(m.keyword) ?? []) {
        if (r.t === 'name') names.push(m);
        else if (r.t === 'title') titles.push(m);
        else if (r.t === 'org') {
          // "原国土资源局" names the former body on purpose.
          if (today < r.effectiveOn || text.slice(Math.max(0, m.begin - 3), m.begin).includes('原')) continue;
          emit('outdated_org', 'warn', m.begin, m.end, m.keyword, `${r.effectiveOn}起应为“${r.newName}”`);
        } else if (r.t === 'miss') emit('misspelling', 'warn', m.begin, m.end, m.keyword, `应为“${r.right}”`);
        else emit('sensitive', r.level, m.begin, m.end, m.keyword, r.level === 'block' ? `不得公开：${r.note}` : `请核对：${r.note}`);
      }
    }
    this.checkLeaders(text, today, dedupe(names), longestTitles(titles), emit);

    // Single characters need no automaton: one table look-up per character (measured twice as fast).
    const trad = traditionalCharacters();
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      if (cp >= 0x3400) {
        const ch = text.slice(i, i + len);
        const to = trad.get(ch);
        if (to) emit('traditional', 'warn', i, i + len, ch, `应为“${to}”（第十七条所列情形除外）`);
      }
      i += len;
    }
    for (const p of findPersonalData(text, today)) {
      const fix = p.kind === 'mobile' ? '如非公开的办公电话，请删除或隐去中间四位' : '请删除或隐去中间位数（去标识化）';
      emit(p.kind, p.kind === 'mobile' ? 'warn' : 'block', p.begin, p.end, p.masked, fix);
    }
    return [...grouped.values()];
  }

  private checkLeaders(
    text: string,
    today: string,
    names: Occurrence[],
    titles: Occurrence[],
    emit: (kind: FindingKind, severity: Severity, begin: number, end: number, found: string, suggestion: string) => void,
  ) {
    if (!this.leaders.length) return;
    const namedTitles = new Set<Occurrence>();
    for (const n of names) {
      // The title written next to the name: 市长王建国 or 王建国市长.
      const t = titles.find((x) => x.end === n.begin) ?? titles.find((x) => x.begin === n.end);
      if (!t) continue;
      namedTitles.add(t);
      // "原市长王建国" names a former post on purpose.
      if (t.end === n.begin && /[原前]$/.test(text.slice(Math.max(0, t.begin - 1), t.begin))) continue;
      const current = this.leaders.filter((l) => l.name === n.keyword && inOffice(l, today));
      if (current.some((l) => l.title === t.keyword)) continue;
      const begin = Math.min(n.begin, t.begin);
      const end = Math.max(n.end, t.end);
      const suggestion = current.length
        ? `${n.keyword}现任${current.map((l) => l.title).join('、')}`
        : `${n.keyword}已不在现任领导名单中，请核对职务`;
      emit('leader_title', 'block', begin, end, text.slice(begin, end), suggestion);
    }
    // A title followed by a name one character away from the holder's: 市长王建华 for 市长王建国.
    for (const t of titles) {
      if (namedTitles.has(t)) continue;
      for (const holder of this.leaders.filter((l) => l.title === t.keyword && inOffice(l, today))) {
        const written = text.slice(t.end, t.end + holder.name.length);
        if (written === holder.name || !CJK.test(written) || !oneCharApart(written, holder.name)) continue;
        if (this.leaders.some((l) => l.name === written)) continue;
        emit('leader_name', 'block', t.begin, t.end + written.length, t.keyword + written, `现任${t.keyword}为${holder.name}`);
      }
    }
  }
}

/** Of titles ending at the same place keep the longest (副市长, not 市长 inside it). */
function longestTitles(titles: Occurrence[]): Occurrence[] {
  return titles.filter((t) => !titles.some((o) => o !== t && o.end === t.end && o.begin < t.begin));
}

function dedupe(xs: Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.begin}:${x.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function countLines(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Context on one line, long digit runs hidden (the context must not leak the number next to the one found). */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\d{7,}[\dXx]?/g, (d) => d.slice(0, 3) + '*'.repeat(d.length - 3));
}
