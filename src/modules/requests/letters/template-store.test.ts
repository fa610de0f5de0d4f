// Letter templates are versioned: every save adds a version (who, when, why) and only then changes the
// current text, so a letter made earlier can always be traced to the version it was written from.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { currentTemplate, saveTemplate, templateVersions } from './template-store.ts';
import { defaultTemplate } from './defaults.ts';

describe('letter template store', () => {
  let t: TestApp;
  let root: number;
  before(async () => {
    t = await createTestApp();
    root = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
  });
  after(async () => t.dispose());

  it('every save makes a new version with who and when; the current text is the latest version', async () => {
    const def = defaultTemplate('disclose')!;
    const alice = { id: null, name: '政务公开办甲', unitId: root, ip: '', requestId: '' };
    const bob = { id: null, name: '政务公开办乙', unitId: root, ip: '', requestId: '' };
    const first = await saveTemplate(t.core, alice, root, 'disclose', { title: def.title, body: `${def.body}\n第一版附言。`, reason: '第一次修改', baseVersion: 0 });
    assert.deepEqual(first, { ok: true, version: 1 });
    t.clock.advance(60_000);
    const second = await saveTemplate(t.core, bob, root, 'disclose', { title: def.title, body: `${def.body}\n第二版附言。`, reason: '第二次修改', baseVersion: 1 });
    assert.deepEqual(second, { ok: true, version: 2 });
    const stale = await saveTemplate(t.core, alice, root, 'disclose', { title: def.title, body: `${def.body}\n过时的修改。`, reason: '基于第1版', baseVersion: 1 });
    assert.equal(stale.ok, false, 'a save over a newer version is refused');

    const versions = await templateVersions(t.core.db, root, 'disclose');
    assert.deepEqual(
      versions.map((v) => [v.version, v.changedByName, v.reason, v.body.endsWith('第二版附言。') ? 2 : v.body.endsWith('第一版附言。') ? 1 : 0]),
      [
        [2, '政务公开办乙', '第二次修改', 2],
        [1, '政务公开办甲', '第一次修改', 1],
      ],
    );
    assert.ok(versions[0]!.changedAt.getTime() > versions[1]!.changedAt.getTime());
    const current = await currentTemplate(t.core.db, root, 'disclose');
    assert.equal(current?.version, 2);
    assert.equal(current?.body, versions[0]!.body);
    // Invariant: every current text equals its latest version.
    const mismatched = (
      await t.core.pool.query(`SELECT c.key FROM req_letter_templates c
        LEFT JOIN LATERAL (SELECT title, body FROM req_letter_template_versions v WHERE v.root_unit_id = c.root_unit_id AND v.key = c.key ORDER BY version DESC LIMIT 1) v ON true
        WHERE v.body IS DISTINCT FROM c.body OR v.title IS DISTINCT FROM c.title`)
    ).rows;
    assert.deepEqual(mismatched, []);
    const audits = (await t.core.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'requests.letter-template-saved'")).rows[0].n;
    assert.equal(audits, 2);
  });

  it('only the template store writes the current templates (no save path without a version)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !p.endsWith(path.join('letters', 'template-store.ts'))) {
          const src = fs.readFileSync(p, 'utf8');
          if (/(insert|update|delete)\(\s*reqLetterTemplates\s*\)|\b(insert\s+into|update|delete\s+from)\s+"?req_letter_templates"?\b/i.test(src)) offenders.push(p);
        }
      }
    };
    walk(path.resolve(import.meta.dirname, '..', '..', '..'));
    assert.deepEqual(offenders, []);
  });
});
