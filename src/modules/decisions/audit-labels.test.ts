// Every audit action the module writes has a Chinese name in the auditor's view.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_LABELS } from '../audit-log/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('decisions audit actions', () => {
  it('has a label for each action', () => {
    const text = ['service.ts', 'service-work.ts', 'service-survey.ts', 'service-evidence.ts'].map((f) => fs.readFileSync(path.join(here, f), 'utf8')).join('\n');
    const actions = [...new Set([...text.matchAll(/action: '(decisions\.[a-z-]+)'/g)].map((m) => m[1]!))];
    assert.ok(actions.length >= 14, `found ${actions.length}`);
    assert.deepEqual(actions.filter((a) => !ACTION_LABELS[a]), []);
  });
});
