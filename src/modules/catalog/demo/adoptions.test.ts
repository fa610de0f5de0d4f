import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_UNITS } from '../../units/index.ts';
import { DEMO_UNIT_DOMAINS, demoAdoptionPlan, type StandardItemRef } from './adoptions.ts';
import { DEMO_DOMAIN_ROWS } from './catalog-domains.ts';
import { FIXTURE_ROWS } from './catalog-rows.ts';
import { NATIONAL_DOMAINS } from '../domain/domains.ts';

const ITEMS: StandardItemRef[] = [
  { id: 1, domainName: '财政预决算', level1: '部门预决算', levelCounty: true, levelTownship: true },
  { id: 2, domainName: '财政预决算', level1: '政府预决算', levelCounty: true, levelTownship: true },
  { id: 3, domainName: '社会救助', level1: '最低生活保障', levelCounty: true, levelTownship: true },
  { id: 4, domainName: '城乡规划', level1: '规划许可', levelCounty: true, levelTownship: false },
  { id: 5, domainName: '户籍管理', level1: '户口登记', levelCounty: true, levelTownship: true },
];

describe('demo adoptions', () => {
  it('names a domain for every demo department and other unit, and only national domains', () => {
    const national = new Set(NATIONAL_DOMAINS.map((d) => d.name));
    for (const u of DEMO_UNITS.filter((x) => x.type !== 'township' && x.parentKey)) assert.ok(u.key in DEMO_UNIT_DOMAINS, u.key);
    for (const ds of Object.values(DEMO_UNIT_DOMAINS)) for (const d of ds) assert.ok(national.has(d), d);
  });

  it('covers all 26 national domains with the demo rows', () => {
    const rows = new Set([...FIXTURE_ROWS, ...DEMO_DOMAIN_ROWS].map((r) => r.domain));
    assert.deepEqual([...rows].sort(), NATIONAL_DOMAINS.map((d) => d.name).sort());
  });

  it('gives each unit its domains at its level, and every budget unit its own 部门预决算', () => {
    const plan = demoAdoptionPlan(
      [
        { id: 10, slug: 'public-security', type: 'department' },
        { id: 11, slug: 'donggua', type: 'township' },
        { id: 12, slug: 'audit', type: 'department' },
        { id: 13, slug: 'unknown-unit', type: 'other' },
      ],
      ITEMS,
    );
    assert.deepEqual(
      plan.map((p) => [p.unitId, p.itemIds, p.domains]),
      [
        [10, [1, 5], ['财政预决算', '户籍管理']],
        [11, [1, 2, 3, 5], ['财政预决算', '社会救助', '户籍管理']],
        [12, [1], ['财政预决算']],
        [13, [1], ['财政预决算']],
      ],
    );
  });
});
