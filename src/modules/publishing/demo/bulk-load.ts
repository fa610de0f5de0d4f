// Loads the generated demo records (./generated.ts) set-based: records, their public version, review
// log and search rows go in with one INSERT … SELECT FROM jsonb_to_recordset per table and chunk, and the
// units' 索引号 sequences move past them. Each record is checked by the domain (metadata, timeliness)
// before it is stored, as the row-by-row loader does.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/index.ts';
import type { WorkCalendar } from '../../../core/calendar/working-days.ts';
import { buildTsvectors } from '../../../core/search/bigram.ts';
import { validateRecordInput } from '../domain/metadata.ts';
import { assessTimeliness } from '../domain/timeliness.ts';
import { formatIndexNo } from '../domain/index-no.ts';
import type { RecordSnapshot } from '../domain/types.ts';
import type { TimeLimitRule } from '../../catalog/index.ts';
import { docNoKey, headFields, searchFields } from '../data/search-index.ts';
import { publicRecordsChanged } from '../public-cache.ts';
import type { GeneratedRecord } from './generated.ts';

const CHUNK = 1000;

export interface BulkUnit {
  id: number;
  uscc: string;
}

/** Stores the records as published; returns how many. `rules`: the 公开时限 of each catalog item used. */
export async function bulkLoadRecords(
  tx: Tx,
  rootUnitId: number,
  records: readonly GeneratedRecord[],
  units: ReadonlyMap<number, BulkUnit>,
  rules: ReadonlyMap<number, TimeLimitRule>,
  calendar: WorkCalendar,
  actorName: string,
): Promise<number> {
  const seqRows = (await tx.execute(sql`SELECT unit_id, year, last_seq FROM pub_index_sequences WHERE unit_id IN (SELECT id FROM units WHERE root_id = ${rootUnitId})`)).rows as { unit_id: string; year: number; last_seq: number }[];
  const seqs = new Map(seqRows.map((s) => [`${s.unit_id}:${s.year}`, Number(s.last_seq)]));
  const rows = records.map((g) => {
    const { errors, value } = validateRecordInput(g.input, { today: g.publishedOn, publishedOn: g.publishedOn });
    if (Object.keys(errors).length) throw new Error(`invalid demo record “${g.input.title}”: ${Object.values(errors).join('; ')}`);
    const unit = units.get(g.unitId);
    if (!unit) throw new Error(`unit ${g.unitId} is not in the city`);
    const year = Number(g.publishedOn.slice(0, 4));
    const key = `${g.unitId}:${year}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const itemRule = value.catalogItemId === null ? null : (rules.get(value.catalogItemId) ?? null);
    const t = assessTimeliness({ formedOn: value.formedOn, publishedOn: g.publishedOn, itemRule }, calendar);
    const indexNo = formatIndexNo(unit.uscc, year, seq);
    const at = g.publishedAt.toISOString();
    const snapshot: RecordSnapshot = { ...value, state: 'published', indexNo, publishedOn: g.publishedOn, validity: 'in_force', validityChangedOn: null, replacedByIndexNo: null, attachments: [] };
    const chunks = buildTsvectors(searchFields({ ...value, attachmentTexts: [] }));
    if (chunks.length > 1) throw new Error(`demo record “${value.title}” is longer than one search chunk`);
    return {
      code: crypto.randomBytes(9).toString('base64url'),
      unit_id: g.unitId,
      v: value,
      published_on: g.publishedOn,
      at,
      index_no: indexNo,
      index_year: year,
      index_seq: seq,
      due_on: t.dueOn,
      late: t.late,
      note: t.note,
      snapshot,
      document: chunks[0] ?? '',
      head: buildTsvectors(headFields(value))[0] ?? '',
      doc_no_key: docNoKey(value.docNo),
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const json = JSON.stringify(
      part.map((x) => ({
        code: x.code,
        unit_id: x.unit_id,
        catalog_item_id: x.v.catalogItemId,
        general_column: x.v.generalColumn,
        title: x.v.title,
        publisher_name: x.v.publisherName,
        doc_no: x.v.docNo,
        written_on: x.v.writtenOn,
        formed_on: x.v.formedOn,
        published_on: x.published_on,
        subject: x.v.subject,
        genre: x.v.genre,
        keywords: x.v.keywords,
        summary: x.v.summary,
        body_html: x.v.bodyHtml,
        index_no: x.index_no,
        index_year: x.index_year,
        index_seq: x.index_seq,
        due_on: x.due_on,
        published_late: x.late,
        timeliness_note: x.note,
        at: x.at,
      })),
    );
    const inserted = (
      await tx.execute(sql`
        INSERT INTO pub_records (code, root_unit_id, unit_id, catalog_item_id, general_column, kind, title, publisher_name, doc_no,
          written_on, formed_on, published_on, subject, genre, doc_type, needs_interpretation, validity, keywords, summary, body_html,
          disclosure, state, lock_version, revision, index_no, index_year, index_seq, due_on, published_late, timeliness_note,
          published_at, created_by_name, updated_by_name, created_at, updated_at)
        SELECT code, ${rootUnitId}, unit_id, catalog_item_id, general_column, 'record', title, publisher_name, doc_no,
          written_on, formed_on, published_on, subject, genre, 'other', false, 'in_force',
          ARRAY(SELECT jsonb_array_elements_text(keywords)), summary, body_html,
          'proactive', 'published', 2, 1, index_no, index_year, index_seq, due_on, published_late, timeliness_note,
          at, ${actorName}, ${actorName}, at, at
        FROM jsonb_to_recordset(${json}::jsonb) AS t(code text, unit_id bigint, catalog_item_id bigint, general_column text, title text,
          publisher_name text, doc_no text, written_on date, formed_on date, published_on date, subject text, genre text, keywords jsonb,
          summary text, body_html text, index_no text, index_year int, index_seq int, due_on date, published_late boolean,
          timeliness_note text, at timestamptz)
        RETURNING id, code`)
    ).rows as { id: string; code: string }[];
    const idOf = new Map(inserted.map((x) => [x.code, Number(x.id)]));
    const detail = JSON.stringify(
      part.map((x) => ({
        id: idOf.get(x.code)!,
        at: x.at,
        snapshot: { ...x.snapshot },
        document: x.document,
        head: x.head,
        unit_id: x.unit_id,
        catalog_item_id: x.v.catalogItemId,
        general_column: x.v.generalColumn,
        subject: x.v.subject,
        doc_no_key: x.doc_no_key,
        published_on: x.published_on,
      })),
    );
    await tx.execute(sql`
      INSERT INTO pub_record_versions (record_id, lock_version, event, is_public, snapshot, change_note, changed_by_name, changed_at)
      SELECT id, 2, 'published', true, snapshot, '发布', ${actorName}, at
      FROM jsonb_to_recordset(${detail}::jsonb) AS t(id bigint, at timestamptz, snapshot jsonb)`);
    await tx.execute(sql`
      INSERT INTO pub_review_log (record_id, action, actor_name, note, at)
      SELECT id, 'published', ${actorName}, '导入已发布的信息', at FROM jsonb_to_recordset(${detail}::jsonb) AS t(id bigint, at timestamptz)`);
    await tx.execute(sql`
      INSERT INTO pub_search_documents (record_id, root_unit_id, document, head, updated_at, unit_id, catalog_item_id, domain_id, general_column,
        kind, doc_type, subject, validity, doc_no_key, published_on, published_at)
      SELECT t.id, ${rootUnitId}, t.document::tsvector, t.head::tsvector, now(), t.unit_id, t.catalog_item_id, ci.domain_id, t.general_column,
        'record', 'other', t.subject, 'in_force', t.doc_no_key, t.published_on, t.at
      FROM jsonb_to_recordset(${detail}::jsonb) AS t(id bigint, at timestamptz, document text, head text, unit_id bigint, catalog_item_id bigint,
        general_column text, subject text, doc_no_key text, published_on date)
      LEFT JOIN catalog_items ci ON ci.id = t.catalog_item_id`);
  }
  // Later publications continue after the loaded numbers.
  await tx.execute(sql`
    INSERT INTO pub_index_sequences (unit_id, year, last_seq)
    SELECT unit_id, index_year, max(index_seq) FROM pub_records WHERE root_unit_id = ${rootUnitId} AND index_year IS NOT NULL GROUP BY unit_id, index_year
    ON CONFLICT (unit_id, year) DO UPDATE SET last_seq = greatest(pub_index_sequences.last_seq, excluded.last_seq)`);
  publicRecordsChanged();
  return rows.length;
}
