// "Open a file": a button with a hidden file picker for the Presets panel, and dropping a file anywhere on the page. Hands the File on; reads and checks nothing itself (the preset loader does).
import { el } from './dom.ts';

/** What the picker offers: scenario JSON files and the app's CSV and JSON exports. */
const ACCEPT = '.json,.csv,application/json,text/csv';

export interface FileOpener {
  /** The button, its hidden input and a hint, for the Presets panel. */
  readonly root: HTMLElement;
  /** The page-wide drop overlay (shown while a file is dragged over the window). */
  readonly overlay: HTMLElement;
  /** Shows the file picker (the O shortcut). */
  choose(): void;
  /** Removes the window's drag and drop listeners. */
  destroy(): void;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Calls `open` with the file the user picks or drops (the first, when several are dropped). */
export function createFileOpener(open: (file: File) => void): FileOpener {
  const input = el('input', {
    type: 'file',
    accept: ACCEPT,
    hidden: true,
    'data-testid': 'open-file-input',
    'aria-hidden': 'true',
    tabindex: -1,
  });
  const button = el(
    'button',
    {
      type: 'button',
      class: 'open-file',
      'data-testid': 'open-file',
      title: 'Open a scenario JSON file, or a CSV or JSON export of a run (O); or drop one on the page',
    },
    'Open a file…',
  );
  const root = el(
    'div',
    { class: 'open-file-row' },
    button,
    input,
    el('span', { class: 'muted' }, 'a scenario or an export'),
  );
  const overlay = el(
    'div',
    { class: 'drop-overlay', hidden: true, 'data-testid': 'drop-overlay', 'aria-hidden': 'true' },
    el('p', {}, 'Drop a scenario JSON, or a CSV or JSON export, to open it'),
  );

  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after editing it) still fires a change.
    input.value = '';
    if (file) open(file);
  });

  // dragenter and dragleave fire for every element crossed: a depth count tells when the drag left the window.
  let depth = 0;
  const onEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth++;
    overlay.hidden = false;
  };
  const onLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  };
  const onOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Without this the browser would navigate to the dropped file, leaving the app and its run.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file) open(file);
  };
  window.addEventListener('dragenter', onEnter);
  window.addEventListener('dragleave', onLeave);
  window.addEventListener('dragover', onOver);
  window.addEventListener('drop', onDrop);

  return {
    root,
    overlay,
    choose: () => input.click(),
    destroy: () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    },
  };
}
