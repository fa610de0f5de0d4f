import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateUscc, validateMobileOrPhone, validateEmail } from '../../core/validation/identifiers.ts';
import { DEMO_UNITS } from './demo-data.ts';

describe('DEMO_UNITS (楚雄市 demo data)', () => {
  it('has unique keys', () => {
    const keys = DEMO_UNITS.map((u) => u.key);
    assert.equal(new Set(keys).size, keys.length);
  });
  it('has exactly one root, the city government, and every parentKey exists', () => {
    const keys = new Set(DEMO_UNITS.map((u) => u.key));
    const roots = DEMO_UNITS.filter((u) => u.parentKey === null);
    assert.equal(roots.length, 1);
    assert.equal(roots[0]?.name, '楚雄市人民政府');
    assert.equal(roots[0]?.type, 'government');
    for (const u of DEMO_UNITS) if (u.parentKey !== null) assert.ok(keys.has(u.parentKey), `${u.key} → ${u.parentKey}`);
  });
  it('gives every unit a valid 统一社会信用代码, unique, registered in 楚雄市 as 机关', () => {
    for (const u of DEMO_UNITS) {
      assert.deepEqual(validateUscc(u.uscc), { ok: true }, `${u.name}: ${u.uscc}`);
      assert.equal(u.uscc.slice(0, 8), '11532301', u.name);
    }
    assert.equal(new Set(DEMO_UNITS.map((u) => u.uscc)).size, DEMO_UNITS.length);
  });
  it('gives every unit valid phone, fax and e-mail and unique sort orders', () => {
    for (const u of DEMO_UNITS) {
      assert.deepEqual(validateMobileOrPhone(u.phone), { ok: true }, `${u.name} phone ${u.phone}`);
      assert.deepEqual(validateMobileOrPhone(u.fax), { ok: true }, `${u.name} fax ${u.fax}`);
      assert.match(u.phone, /^0878-/);
      assert.deepEqual(validateEmail(u.email), { ok: true }, `${u.name} email ${u.email}`);
      assert.ok(u.address.startsWith('云南省楚雄彝族自治州楚雄市'), u.address);
      assert.ok(u.leaders.length >= 1 && u.functions.length > 0, u.name);
    }
    assert.equal(new Set(DEMO_UNITS.map((u) => u.sortOrder)).size, DEMO_UNITS.length);
  });
  it('lists the 12 towns and 3 townships of 楚雄市 and the 政府办公室', () => {
    const townships = DEMO_UNITS.filter((u) => u.type === 'township').map((u) => u.shortName);
    assert.equal(townships.length, 15);
    for (const t of ['鹿城镇', '东瓜镇', '西舍路镇', '大过口乡', '树苴乡', '大地基乡']) assert.ok(townships.includes(t), t);
    assert.ok(DEMO_UNITS.some((u) => u.name === '楚雄市人民政府办公室' && u.type === 'department'));
  });
});
