// The demo catalog writes quotation marks the way records do: “三公”经费, never ASCII "三公".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURE_ROWS } from './catalog-rows.ts';

describe('demo catalog quotation marks', () => {
  it('uses Chinese quotes in every cell', () => {
    const cells = FIXTURE_ROWS.flatMap((r) => [r.domain, r.level1, r.level2, r.content, r.basis, r.timeLimit, r.publisher, r.channels]);
    const ascii = cells.filter((c) => /"/.test(c));
    assert.deepEqual(ascii, []);
    assert.ok(cells.some((c) => c.includes('“三公”经费')));
  });
});
