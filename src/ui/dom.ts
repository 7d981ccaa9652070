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
