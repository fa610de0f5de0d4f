// Every audit action a comment period writes, for each kind of draft, has a Chinese name in the auditor's view.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_LABELS } from '../audit-log/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('comment period audit actions', () => {
  it('has a label for each action, under the catalog and the decisions prefix', () => {
    const text = fs.readFileSync(path.join(here, 'service.ts'), 'utf8');
    const verbs = [...text.matchAll(/action: `\$\{[^}]+\}\.([a-z-]+)`/g)].map((m) => m[1]!);
    assert.deepEqual(verbs.sort(), ['comment-answered', 'comment-contact-viewed', 'comment-submitted', 'consultation-closed', 'consultation-created']);
    const missing = ['catalog', 'decisions'].flatMap((p) => verbs.map((v) => `${p}.${v}`)).filter((a) => !ACTION_LABELS[a]);
    assert.deepEqual(missing, []);
  });
});
