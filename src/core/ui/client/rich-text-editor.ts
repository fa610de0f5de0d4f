// The rich-text editor of record bodies (browser code, bundled by core/http/client-bundles.ts).
// Progressive enhancement: each <textarea data-rich-text> gets a TipTap (ProseMirror) editor with a
// small toolbar, and the textarea stays in the form, hidden, holding the editor's HTML. Without
// JavaScript the textarea is the editor. The editor offers only what the server's sanitiser keeps
// (h2–h4, paragraphs, lists, tables, links, bold, italic, quotes). Paste from Word/WPS goes through
// the same cleaning as on the server (core/html/word-paste.ts): Word's list paragraphs become real
// lists; the editor's schema then drops styles, fonts and classes. The server still sanitises on save.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { cleanWordHtml } from '../../html/word-paste.ts';

/** Paste: Word lists to lists, and headings to the levels the page allows (h1 → h2, h5/h6 → h4). */
export function prepareHtml(html: string): string {
  return cleanWordHtml(html)
    .replace(/<(\/?)h1\b/gi, '<$1h2')
    .replace(/<(\/?)h[56]\b/gi, '<$1h4');
}

interface ToolButton {
  label: string;
  run: (e: Editor) => void;
  active?: (e: Editor) => boolean;
}

const BUTTONS: ToolButton[][] = [
  [
    { label: '正文', run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive('paragraph') },
    { label: '标题', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
    { label: '小标题', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  ],
  [
    { label: '加粗', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { label: '倾斜', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  ],
  [
    { label: '项目列表', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { label: '编号列表', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
    { label: '引用', run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  ],
  [
    { label: '插入表格', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { label: '加一行', run: (e) => e.chain().focus().addRowAfter().run() },
    { label: '加一列', run: (e) => e.chain().focus().addColumnAfter().run() },
    { label: '删除表格', run: (e) => e.chain().focus().deleteTable().run() },
  ],
  [
    { label: '撤销', run: (e) => e.chain().focus().undo().run() },
    { label: '重做', run: (e) => e.chain().focus().redo().run() },
  ],
];

function enhance(textarea: HTMLTextAreaElement): void {
  const label = document.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`);
  const wrap = document.createElement('div');
  wrap.className = 'rte';
  const toolbar = document.createElement('div');
  toolbar.className = 'rte-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', `${label?.textContent?.replace(/\*/g, '').trim() || '正文'}格式`);
  const area = document.createElement('div');
  wrap.append(toolbar, area);
  textarea.before(wrap);
  textarea.hidden = true;
  textarea.removeAttribute('required');

  const labelId = label ? (label.id ||= `${textarea.id}-label`) : '';
  const editor = new Editor({
    element: area,
    injectCSS: false, // the site's CSP allows no inline <style>; site.css styles the editor
    content: prepareHtml(textarea.value),
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: false, protocols: ['mailto'] },
      }),
      TableKit.configure({ table: { resizable: false, renderWrapper: false } }),
    ],
    editorProps: {
      attributes: {
        class: 'rte-content record-body',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(labelId ? { 'aria-labelledby': labelId } : {}),
        ...(textarea.getAttribute('aria-describedby') ? { 'aria-describedby': textarea.getAttribute('aria-describedby') as string } : {}),
        ...(textarea.getAttribute('aria-invalid') ? { 'aria-invalid': 'true' } : {}),
      },
      transformPastedHTML: prepareHtml,
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.isEmpty ? '' : e.getHTML();
    },
  });

  const buttons: { el: HTMLButtonElement; b: ToolButton }[] = [];
  for (const group of BUTTONS) {
    const g = document.createElement('span');
    g.className = 'rte-group';
    for (const b of group) {
      const el = document.createElement('button');
      el.type = 'button';
      el.textContent = b.label;
      el.addEventListener('click', () => b.run(editor));
      if (b.active) el.setAttribute('aria-pressed', 'false');
      g.append(el);
      buttons.push({ el, b });
    }
    toolbar.append(g);
  }
  const refresh = () => {
    for (const { el, b } of buttons) if (b.active) el.setAttribute('aria-pressed', b.active(editor) ? 'true' : 'false');
  };
  editor.on('selectionUpdate', refresh);
  editor.on('transaction', refresh);
  refresh();

  // The label now names the editor (aria-labelledby); a click on it, or on the error summary's link
  // to the field, focuses the editor as it focused the textarea.
  label?.removeAttribute('for');
  label?.addEventListener('click', () => editor.commands.focus());
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[href]');
    if (a && a.getAttribute('href') === `#${textarea.id}`) {
      ev.preventDefault();
      editor.commands.focus();
      wrap.scrollIntoView({ block: 'center' });
    }
  });
  textarea.form?.addEventListener('submit', () => {
    textarea.value = editor.isEmpty ? '' : editor.getHTML();
  });
  wrap.dataset.ready = '1';
}

document.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich-text]').forEach(enhance);
