import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateRecordInput } from '../domain/metadata.ts';
import { generateDemoRecords, type GenItem, type GenUnit } from './generated.ts';

const UNITS: GenUnit[] = [
  { id: 1, slug: 'city-government', name: '楚雄市人民政府', shortName: '市政府', type: 'government' },
  { id: 2, slug: 'finance', name: '楚雄市财政局', shortName: '市财政局', type: 'department' },
  { id: 3, slug: 'donggua', name: '楚雄市东瓜镇人民政府', shortName: '东瓜镇', type: 'township' },
];
const ITEMS = new Map<number, GenItem[]>([
  [2, [{ id: 10, level1: '部门预决算', level2: '部门预算', domainName: '财政预决算' }, { id: 11, level1: '"三公"经费', level2: '"三公"经费决算', domainName: '财政预决算' }]],
  [3, [{ id: 20, level1: '最低生活保障', level2: '低保对象审核确认', domainName: '社会救助' }, { id: 21, level1: '补贴对象', level2: '补贴对象及金额公示', domainName: '涉农补贴' }]],
]);

describe('generated demo records', () => {
  const records = generateDemoRecords(UNITS, ITEMS, [2024, 2025, 2026], '2026-11-26', { takenDocNos: new Set(['楚市财发〔2024〕2号']) });

  it('is deterministic, and every record passes the metadata rules on its publication day', () => {
    assert.deepEqual(
      generateDemoRecords(UNITS, ITEMS, [2024, 2025, 2026], '2026-11-26').map((r) => r.input.title),
      generateDemoRecords(UNITS, ITEMS, [2024, 2025, 2026], '2026-11-26').map((r) => r.input.title),
    );
    assert.ok(records.length > 300 && records.length < 450, String(records.length));
    for (const r of records) {
      const { errors } = validateRecordInput(r.input, { today: r.publishedOn, publishedOn: r.publishedOn });
      assert.deepEqual(errors, {}, r.input.title);
      assert.ok(r.publishedOn < '2026-11-26' && r.publishedOn >= '2024-01-01', r.publishedOn);
      assert.ok(r.input.writtenOn <= r.publishedOn);
    }
  });

  it('titles read as real ones: no doubled words, 文号 unique per issuer and year, skipping those in use', () => {
    for (const r of records) assert.doesNotMatch(r.input.title, /公示公示|情况情况|结果结果|公告的公告|(.{2,})到\1/, r.input.title);
    const docNos = records.map((r) => r.input.docNo).filter(Boolean);
    assert.equal(new Set(docNos).size, docNos.length);
    assert.ok(!docNos.includes('楚市财发〔2024〕2号'));
    for (const d of docNos) assert.match(d, /^(楚市政|楚市财|东瓜政)[发通]〔202[456]〕\d+号$/, d);
    assert.ok(records.some((r) => r.input.title === '楚雄市财政局2025年部门预算公开'));
    assert.ok(records.some((r) => /^东瓜镇20\d\d年第[一二三四]季度低保对象审核确认公示$/.test(r.input.title)));
  });

  it('files budgets in February–March and final accounts from August, the year after they cover', () => {
    for (const r of records.filter((x) => x.input.catalogItemId === 10)) assert.match(r.input.writtenOn, /^\d{4}-02-/, r.input.title);
    for (const r of records.filter((x) => x.input.catalogItemId === 11)) {
      assert.match(r.input.writtenOn, /^\d{4}-08-/);
      assert.ok(r.input.title.includes(`${Number(r.input.writtenOn.slice(0, 4)) - 1}年“三公”经费决算`), r.input.title);
    }
  });
});
