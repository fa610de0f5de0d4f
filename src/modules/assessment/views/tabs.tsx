// The row of tabs over the module's staff pages (内容检查, 考核).
export function TabNav({ label, items, current }: { label: string; items: readonly { key: string; href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label={label} class="tabs">
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <a href={i.href} aria-current={i.key === current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
