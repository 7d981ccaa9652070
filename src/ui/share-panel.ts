// The share panel the Share button opens: the run's link and its iframe embed code, each with a copy button. DOM only; gets the link from the caller, builds the snippet with share/embed.ts.
import { EMBED_SIZE, embedSnippet } from '../share/embed.ts';
import { copyOrSelect } from './clipboard.ts';
import { el, setText } from './dom.ts';

export interface SharePanel {
  readonly root: HTMLElement;
  /** Shows `link` and its embed code just under `anchor` (the Share button), and copies the link (as Share always did). */
  show(link: string, anchor?: HTMLElement): void;
}

/**
 * A popover (light dismiss: Esc or a click elsewhere closes it) rather than a modal dialog: the run goes on
 * behind it and the other controls stay usable.
 */
export function createSharePanel(): SharePanel {
  const linkField = el('input', {
    type: 'text',
    readonly: true,
    id: 'share-link',
    'data-testid': 'share-link',
    spellcheck: 'false',
  });
  const embedField = el('textarea', {
    readonly: true,
    id: 'embed-code',
    'data-testid': 'embed-code',
    rows: 4,
    spellcheck: 'false',
  });
  const copyLink = el('button', { type: 'button', 'data-testid': 'copy-link' }, 'Copy link');
  const copyEmbed = el('button', { type: 'button', 'data-testid': 'copy-embed' }, 'Copy embed code');
  const close = el(
    'button',
    { type: 'button', class: 'icon', 'aria-label': 'Close', 'data-testid': 'share-close' },
    '×',
  );
  const status = el('p', { class: 'share-status', 'aria-live': 'polite', 'data-testid': 'share-status' });
  const root = el(
    'div',
    {
      class: 'share-panel',
      popover: 'auto',
      role: 'dialog',
      'aria-labelledby': 'share-title',
      'data-testid': 'share-panel',
    },
    el('div', { class: 'share-head' }, el('h2', { id: 'share-title' }, 'Share this run'), close),
    el('label', { for: 'share-link' }, 'Link'),
    el('div', { class: 'share-row' }, linkField, copyLink),
    el('p', { class: 'muted small' }, 'Reopens this run: the preset, parameters, seed and tick.'),
    el('label', { for: 'embed-code' }, 'Embed in a web page'),
    embedField,
    el(
      'div',
      { class: 'share-row' },
      el(
        'p',
        { class: 'muted small' },
        `The canvas with play, step and reset, for a course page or blog post. It fills any size: change width and height (${EMBED_SIZE.width} × ${EMBED_SIZE.height} here).`,
      ),
      copyEmbed,
    ),
    status,
  );

  const copy = async (field: HTMLInputElement | HTMLTextAreaElement, what: string) => {
    const copied = await copyOrSelect(field.value, field);
    setText(
      status,
      copied
        ? `${what} copied.`
        : `${what} selected: copy it with Ctrl+C (⌘C on a Mac); this page may not use the clipboard.`,
    );
  };
  copyLink.addEventListener('click', () => void copy(linkField, 'Link'));
  copyEmbed.addEventListener('click', () => void copy(embedField, 'Embed code'));
  close.addEventListener('click', () => root.hidePopover());

  return {
    root,
    show(link, anchor) {
      // Under the button, wherever a narrow screen wrapped the top bar to (the panel is fixed, so viewport pixels).
      if (anchor)
        root.style.setProperty(
          '--share-top',
          `${Math.max(8, Math.round(anchor.getBoundingClientRect().bottom + 6))}px`,
        );
      linkField.value = link;
      embedField.value = embedSnippet(link);
      setText(status, '');
      if (!root.matches(':popover-open')) root.showPopover();
      void copy(linkField, 'Link');
    },
  };
}
