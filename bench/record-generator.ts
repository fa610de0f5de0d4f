// Generates many realistic published records (主动公开) for the benchmark: Chinese titles and bodies
// assembled from word lists, spread over the city's units, catalog items, columns and years, with
// 文号, 索引号 and their search rows (the same bigram index the app builds). Rows go in with
// INSERT … SELECT FROM unnest(…) in batches of a few thousand: 100,000 records load in well under a
// minute. Deterministic (seeded PRNG), so two runs load the same data.
import crypto from 'node:crypto';
import type pg from 'pg';
import { buildTsvectors } from '../src/core/search/bigram.ts';
import { docNoKey, headFields, searchFields } from '../src/modules/publishing/data/search-index.ts';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOPICS = [
  '部门预算', '部门决算', '政府采购', '乡村振兴', '城乡居民基本医疗保险', '最低生活保障', '森林草原防灭火', '安全生产',
  '耕地保护', '义务教育', '养老服务', '就业创业', '优化营商环境', '生态环境保护', '河湖长制', '农村危房改造', '食品安全',
  '民族团结进步', '招商引资', '重大项目建设', '城市更新', '老旧小区改造', '高标准农田建设', '彝族文化传承', '地质灾害防治',
  '防汛抗旱', '临时救助', '特困人员供养', '残疾人两项补贴', '农村饮水安全', '道路交通安全', '消防安全', '校园安全',
  '公共资源交易', '行政许可', '行政处罚', '双随机一公开', '政务服务', '一网通办', '12345热线', '人才引进', '公务员招录',
  '事业单位公开招聘', '国有资产管理', '债务风险防控', '税费优惠政策', '减税降费', '土地征收', '房屋征收补偿', '保障性租赁住房',
  '住房公积金', '城乡规划', '大气污染防治', '水污染防治', '土壤污染防治', '垃圾分类', '烟叶生产', '野生菌保护', '文旅融合',
  '全民健身', '公共卫生', '疫苗接种', '家庭医生签约', '医疗保障', '退役军人服务', '征兵工作', '信访工作', '法治政府建设',
] as const;

const ACTIONS = ['印发', '开展', '做好', '加强', '进一步规范', '公布', '调整', '组织实施', '推进', '落实'];
const WORK = ['工作', '管理', '专项行动', '实施方案', '工作方案', '考核办法', '管理办法', '实施细则', '专项检查', '集中整治'];
const GENRES = ['通知', '公告', '意见', '办法', '方案', '报告', '决定', '批复', '通报', '规定'];
const NEWS = ['召开', '举行', '部署', '调研', '督导', '推进会', '培训会', '座谈会', '现场会', '动员会'];
const SUPERIORS = ['国务院', '省委、省政府', '州委、州政府', '市委、市政府', '上级部门'];
const ADVERBS = ['高度重视', '切实加强', '认真组织', '扎实推进', '严格落实', '统筹做好'];
const RESULTS = ['取得实效', '落到实处', '平稳有序', '规范高效', '按时完成'];
const PLACES = ['鹿城镇', '东瓜镇', '吕合镇', '紫溪镇', '东华镇', '子午镇', '苍岭镇', '三街镇', '八角镇', '中山镇', '新村镇', '西舍路镇', '大过口乡', '树苴乡', '大地基乡'];
const SUBJECTS = ['综合政务', '财政、金融、审计', '农业、林业、水利', '城乡建设、环境保护', '科技、教育', '卫生、体育', '劳动、人事、监察', '民政、扶贫、救灾', '市场监管、安全生产监管', '公安、安全、司法', '国土资源、能源', '工业、交通'];
const KEYWORD_POOL = ['政务公开', '通知', '实施方案', '预算', '决算', '补贴', '救助', '招聘', '采购', '规划', '安全', '环保', '教育', '医疗', '就业', '乡村振兴'];

export interface GenUnit {
  id: number;
  uscc: string;
  name: string;
  abbr: string;
}

export interface GenItem {
  id: number;
  domainId: number;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

function date(r: () => number, year: number): string {
  const m = int(r, 1, 12);
  const d = int(r, 1, 28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function sentence(r: () => number, topic: string, genre: string, year: number): string {
  switch (int(r, 0, 9)) {
    case 0:
      return `为深入贯彻落实${pick(r, SUPERIORS)}关于${topic}的决策部署，${pick(r, ACTIONS)}${topic}${pick(r, WORK)}，结合我市实际，制定本${genre}。`;
    case 1:
      return `${year}年，全市共完成${topic}项目${int(r, 3, 180)}个，涉及资金${int(r, 20, 98000) / 10}万元，惠及群众${int(r, 100, 50000)}人。`;
    case 2:
      return `各乡镇、各部门要${pick(r, ADVERBS)}，明确责任分工，确保${topic}${pick(r, RESULTS)}。`;
    case 3:
      return `${pick(r, PLACES)}在${topic}中探索形成了可复制、可推广的经验做法，群众满意度达到${int(r, 85, 99)}.${int(r, 0, 9)}%。`;
    case 4:
      return `本${genre}自${year}年${int(r, 1, 12)}月${int(r, 1, 28)}日起施行，有效期${int(r, 2, 5)}年。`;
    case 5:
      return `对${topic}中发现的问题，实行清单化管理，限期整改，整改情况于每月${int(r, 1, 25)}日前报市${topic.length > 4 ? '政府办公室' : '有关部门'}汇总。`;
    case 6:
      return `联系单位：楚雄市${pick(r, ['财政局', '民政局', '教育体育局', '卫生健康局', '自然资源局', '农业农村局', '应急管理局'])}，联系电话：0878-${int(r, 3100000, 3199999)}。`;
    case 7:
      return `（${'一二三四五六'[int(r, 0, 5)]}）${pick(r, ADVERBS)}${topic}${pick(r, WORK)}，建立健全长效机制，做到底数清、情况明。`;
    case 8:
      return `${topic}资金严格实行专款专用，任何单位和个人不得截留、挤占、挪用，接受审计监督和社会监督。`;
    default:
      return `${year}年${int(r, 1, 12)}月，市${pick(r, NEWS)}${topic}${pick(r, WORK)}，对下一步工作作出安排。`;
  }
}

export interface GenRecord {
  code: string;
  unitId: number;
  itemId: number | null;
  domainId: number | null;
  column: 'news' | 'notice' | 'policy' | null;
  title: string;
  publisherName: string;
  docNo: string;
  writtenOn: string;
  publishedOn: string;
  publishedAt: Date;
  subject: string;
  genre: string;
  docType: 'regulation' | 'normative' | 'other';
  validity: 'in_force' | 'expired' | 'repealed';
  validityChangedOn: string | null;
  keywords: string[];
  summary: string;
  bodyHtml: string;
  indexNo: string;
  indexYear: number;
  indexSeq: number;
}

/** One record; `seqs` keeps the next 索引号 sequence per unit and year. */
export function generateRecord(r: () => number, units: GenUnit[], items: GenItem[], seqs: Map<string, number>, n: number): GenRecord {
  const unit = units[n % units.length]!;
  const year = int(r, 2018, 2026);
  const topic = pick(r, TOPICS);
  const kindRoll = r();
  const column: GenRecord['column'] = kindRoll < 0.3 && items.length ? null : kindRoll < 0.65 ? 'news' : kindRoll < 0.88 ? 'notice' : 'policy';
  const item = column === null ? pick(r, items) : null;
  const genre = column === 'news' ? '新闻' : pick(r, GENRES);
  const docType = column === 'policy' ? (r() < 0.1 ? 'regulation' : r() < 0.5 ? 'normative' : 'other') : 'other';
  const title =
    column === 'news'
      ? `${pick(r, PLACES)}${pick(r, NEWS)}${topic}${pick(r, WORK)}`
      : `${unit.name}关于${pick(r, ACTIONS)}${year}年${topic}${pick(r, WORK)}的${genre}`;
  const hasDocNo = column !== 'news' && r() < 0.8;
  const docNo = hasDocNo ? `楚${unit.abbr}${pick(r, ['发', '通', '办', '函'])}〔${year}〕${int(r, 1, 300)}号` : '';
  const writtenOn = date(r, year);
  const publishedOn = writtenOn; // published within the day for simplicity of the data
  const sentences = Array.from({ length: int(r, 6, 14) }, () => sentence(r, r() < 0.75 ? topic : pick(r, TOPICS), genre, year));
  const paras: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) paras.push(`<p>${sentences.slice(i, i + 3).join('')}</p>`);
  const validityRoll = docType === 'other' ? 1 : r();
  const validity = validityRoll < 0.07 ? 'expired' : validityRoll < 0.1 ? 'repealed' : 'in_force';
  const key = `${unit.id}:${year}`;
  const seq = (seqs.get(key) ?? 0) + 1;
  seqs.set(key, seq);
  return {
    code: crypto.randomBytes(9).toString('base64url'),
    unitId: unit.id,
    itemId: item?.id ?? null,
    domainId: item?.domainId ?? null,
    column,
    title,
    publisherName: unit.name,
    docNo,
    writtenOn,
    publishedOn,
    publishedAt: new Date(`${publishedOn}T0${int(r, 1, 9)}:${String(int(r, 0, 59)).padStart(2, '0')}:00Z`),
    subject: pick(r, SUBJECTS),
    genre,
    docType,
    validity,
    validityChangedOn: validity === 'in_force' ? null : `${Math.min(2026, year + int(r, 1, 3))}-01-01`,
    keywords: [topic, pick(r, KEYWORD_POOL)],
    summary: sentences[0]!,
    bodyHtml: paras.join('\n'),
    indexNo: `${unit.uscc}/${year}-${String(seq).padStart(5, '0')}`,
    indexYear: year,
    indexSeq: seq,
  };
}

async function firstSeqs(pool: pg.Pool, unitIds: number[]): Promise<Map<string, number>> {
  const res = await pool.query('SELECT unit_id, year, last_seq FROM pub_index_sequences WHERE unit_id = ANY($1::bigint[])', [unitIds]);
  return new Map(res.rows.map((r) => [`${r.unit_id}:${r.year}`, Number(r.last_seq)]));
}

/**
 * Loads `count` published 主动公开 records of a city with their versions and search rows, and moves
 * the units' 索引号 sequences past them. Returns the time taken.
 */
export async function loadRecords(pool: pg.Pool, rootUnitId: number, count: number, opts: { batch?: number; seed?: number; log?: (s: string) => void } = {}): Promise<{ ms: number }> {
  const t0 = performance.now();
  const units: GenUnit[] = (await pool.query('SELECT id, uscc, name, short_name FROM units WHERE coalesce(root_id, id) = $1 AND archived_at IS NULL ORDER BY id', [rootUnitId])).rows.map((u) => ({
    id: Number(u.id),
    uscc: String(u.uscc),
    name: String(u.name),
    abbr: String(u.short_name || u.name).replace(/^楚雄市/, '').slice(0, 2),
  }));
  const items: GenItem[] = (await pool.query('SELECT id, domain_id FROM catalog_items WHERE root_unit_id = $1 AND retired_at IS NULL ORDER BY id', [rootUnitId])).rows.map((i) => ({
    id: Number(i.id),
    domainId: Number(i.domain_id),
  }));
  const seqs = await firstSeqs(
    pool,
    units.map((u) => u.id),
  );
  const r = prng(opts.seed ?? 20261126);
  const batch = opts.batch ?? 2000;
  for (let done = 0; done < count; done += batch) {
    const rows = Array.from({ length: Math.min(batch, count - done) }, (_, i) => generateRecord(r, units, items, seqs, done + i));
    const col = <K extends keyof GenRecord>(k: K) => rows.map((x) => x[k]);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const ins = await client.query(
        `INSERT INTO pub_records (code, root_unit_id, unit_id, catalog_item_id, general_column, kind, title, publisher_name, doc_no,
           written_on, formed_on, published_on, subject, genre, doc_type, validity, validity_changed_on, keywords, summary, body_html,
           disclosure, state, lock_version, revision, index_no, index_year, index_seq, published_at, published_late,
           created_by_name, updated_by_name, created_at, updated_at)
         SELECT code, $1, unit_id, item_id, col, 'record', title, publisher, doc_no, written_on, written_on, written_on, subject, genre,
           doc_type, validity, validity_changed_on, string_to_array(keywords, '|'), summary, body_html, 'proactive', 'published', 2, 1,
           index_no, index_year, index_seq, published_at, false, '基准测试', '基准测试', published_at, published_at
         FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[],
           $11::text[], $12::text[], $13::text[], $14::date[], $15::text[], $16::text[], $17::text[], $18::text[], $19::int[], $20::int[],
           $21::timestamptz[])
           AS t(code, unit_id, item_id, col, title, publisher, doc_no, written_on, subject, genre, doc_type, validity, validity_changed_on,
             keywords, summary, body_html, index_no, index_year, index_seq, published_at)
         RETURNING id, code`,
        [
          rootUnitId,
          col('code'),
          col('unitId'),
          col('itemId'),
          col('column'),
          col('title'),
          col('publisherName'),
          col('docNo'),
          col('writtenOn'),
          col('subject'),
          col('genre'),
          col('docType'),
          col('validity'),
          col('validityChangedOn'),
          rows.map((x) => x.keywords.join('|')),
          col('summary'),
          col('bodyHtml'),
          col('indexNo'),
          col('indexYear'),
          col('indexSeq'),
          rows.map((x) => x.publishedAt.toISOString()),
        ],
      );
      const idOf = new Map(ins.rows.map((x) => [String(x.code), Number(x.id)]));
      const ids = rows.map((x) => idOf.get(x.code)!);
      await client.query(
        `INSERT INTO pub_record_versions (record_id, lock_version, event, is_public, snapshot, change_note, changed_by_name, changed_at)
         SELECT id, 2, 'published', true, '{}'::jsonb, '发布', '基准测试', at FROM unnest($1::bigint[], $2::timestamptz[]) AS t(id, at)`,
        [ids, rows.map((x) => x.publishedAt.toISOString())],
      );
      const docs = rows.map((x) => buildTsvectors(searchFields({ title: x.title, docNo: x.docNo, keywords: x.keywords, summary: x.summary, bodyHtml: x.bodyHtml, attachmentTexts: [] }))[0] ?? '');
      const heads = rows.map((x) => buildTsvectors(headFields(x))[0] ?? '');
      await client.query(
        `INSERT INTO pub_search_documents (record_id, root_unit_id, document, head, updated_at, unit_id, catalog_item_id, domain_id, general_column, kind,
           doc_type, subject, validity, doc_no_key, published_on, published_at)
         SELECT id, $1, doc::tsvector, head::tsvector, now(), unit_id, item_id, domain_id, col, 'record', doc_type, subject, validity, doc_no_key, published_on, published_at
         FROM unnest($2::bigint[], $3::text[], $14::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
           $12::date[], $13::timestamptz[]) AS t(id, doc, head, unit_id, item_id, domain_id, col, doc_type, subject, validity, doc_no_key, published_on, published_at)`,
        [
          rootUnitId,
          ids,
          docs,
          col('unitId'),
          col('itemId'),
          col('domainId'),
          col('column'),
          col('docType'),
          col('subject'),
          col('validity'),
          rows.map((x) => docNoKey(x.docNo)),
          col('publishedOn'),
          rows.map((x) => x.publishedAt.toISOString()),
          heads,
        ],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    opts.log?.(`  ${Math.min(done + batch, count)} / ${count} records`);
  }
  // Later publications continue after the generated numbers (no duplicates).
  await pool.query(
    `INSERT INTO pub_index_sequences (unit_id, year, last_seq)
     SELECT unit_id, index_year, max(index_seq) FROM pub_records WHERE root_unit_id = $1 AND index_year IS NOT NULL GROUP BY unit_id, index_year
     ON CONFLICT (unit_id, year) DO UPDATE SET last_seq = greatest(pub_index_sequences.last_seq, excluded.last_seq)`,
    [rootUnitId],
  );
  await pool.query('ANALYZE pub_records; ANALYZE pub_search_documents; ANALYZE pub_record_versions');
  return { ms: performance.now() - t0 };
}

/** 200 varied queries: common and rare words, several words, a place, numbers, 文号, single characters, no hits. */
export function benchQueries(count = 200, seed = 7): string[] {
  const r = prng(seed);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const topic = pick(r, TOPICS);
    switch (i % 10) {
      case 0:
        out.push(topic);
        break;
      case 1:
        out.push(`${topic} ${pick(r, WORK)}`);
        break;
      case 2:
        out.push(`${int(r, 2018, 2026)}年${topic}`);
        break;
      case 3:
        out.push(`楚财${pick(r, ['发', '通', '办', '函'])}〔${int(r, 2018, 2026)}〕${int(r, 1, 300)}号`);
        break;
      case 4:
        out.push(pick(r, PLACES));
        break;
      case 5:
        out.push(pick(r, ['税', '医', '路', '水', '林']));
        break;
      case 6:
        out.push(`${pick(r, PLACES)} ${topic}`);
        break;
      case 7:
        out.push(topic.slice(0, 2));
        break;
      case 8:
        out.push(`${pick(r, ADVERBS)}${topic}`);
        break;
      default:
        out.push(pick(r, ['量子计算', '航天发射', '海上风电', '冰川保护', '港口吞吐量']));
    }
  }
  return out;
}
