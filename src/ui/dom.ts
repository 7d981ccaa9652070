// Tiny DOM helpers for the panels: build elements with text set via textContent only (never innerHTML). No app state.

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Creates `<tag>` with attributes (`class`, `data-testid`, `aria-*`, …; `false`/`undefined` skip the attribute)
 * and children (strings become text nodes, so preset text can never inject markup).
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces every child of `node`. */
export function replaceChildren(node: Element, ...children: (Node | string)[]): void {
  node.replaceChildren(...children);
}

/** Sets text only when it changed (avoids layout work on every summary). */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** A titled panel section; the body is returned for the caller to fill. */
export function panel(
  title: string,
  id: string,
  open = true,
): { root: HTMLDetailsElement; body: HTMLDivElement } {
  const body = el('div', { class: 'panel-body' });
  const root = el(
    'details',
    { class: 'panel', id, open },
    el('summary', { class: 'panel-title' }, title),
    body,
  );
  return { root, body };
}

/** A table's head: one column header per entry, a label or a [label, tooltip] pair. */
export function tableHead(...columns: (string | readonly [string, string])[]): HTMLTableSectionElement {
  return el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...columns.map((column) =>
        typeof column === 'string'
          ? el('th', { scope: 'col' }, column)
          : el('th', { scope: 'col', title: column[1] }, column[0]),
      ),
    ),
  );
}

/** A row header naming a trend beside its colour swatch (`color` already made CSS-safe). */
export function trendRowHeader(name: string, color: string): HTMLTableCellElement {
  return el(
    'th',
    { scope: 'row' },
    el('span', { class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true' }),
    name,
  );
}
