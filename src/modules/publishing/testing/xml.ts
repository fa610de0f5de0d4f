// Test support: a strict XML parser (saxes, already installed with exceljs) into a small tree, to
// check that feeds and sitemaps are well-formed and hold what they should.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** Parses XML; throws on anything that is not well-formed. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attrs: {}, text: '', children: [] };
  const stack = [root];
  parser.on('opentag', (t) => {
    const node: XmlNode = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])), text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => (stack.at(-1)!.text += t));
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

/** Every descendant element with this name, in document order. */
export function all(n: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    out.push(...all(c, name));
  }
  return out;
}
