import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Renders a full HTML document; Preact escapes every text and attribute value. */
export function renderDocument(page: VNode<any>): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  return '<!doctype html>' + render(page);
}
