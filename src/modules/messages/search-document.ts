// The search document of a published message: the masked title (A), message (B) and reply (C) as one
// CJK-bigram tsvector (core/search, ARCHITECTURE §1). Pure code.
import { buildTsvectors } from '../../core/search/bigram.ts';

/** One chunk is enough: a message and its reply stay under 3,000 characters each. */
const ONE_CHUNK = { positions: 16000, overlap: 0 };

/** The tsvector literal (cast with ::tsvector), or '' when the text has nothing searchable. */
export function messageSearchDocument(title: string, content: string, reply: string): string {
  return (
    buildTsvectors(
      [
        { text: title, weight: 'A' },
        { text: content, weight: 'B' },
        { text: reply, weight: 'C' },
      ],
      ONE_CHUNK,
    )[0] ?? ''
  );
}
