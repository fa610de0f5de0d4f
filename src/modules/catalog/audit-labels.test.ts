// Every audit action the catalog module writes has a Chinese name in the auditor's view.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_LABELS } from '../audit-log/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('catalog audit actions', () => {
  it('has a label for each action written', () => {
    const actions = new Set<string>();
    for (const file of sources(here)) for (const m of fs.readFileSync(file, 'utf8').matchAll(/action: '(catalog\.[a-z-]+)'/g)) actions.add(m[1]!);
    // The comment-period actions (catalog.consultation-…, catalog.comment-…) are written by the shared
    // consultations module under the catalog's prefix: see its audit test.
    assert.equal(actions.size, 7);
    assert.deepEqual([...actions].filter((a) => !ACTION_LABELS[a]), []);
    assert.equal(ACTION_LABELS['catalog.imported'], '导入目录事项');
  });
});
