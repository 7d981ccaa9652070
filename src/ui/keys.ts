// Keyboard shortcuts (space play/pause, → step, ← replay back, L live, T tour, R reset, N new seed, ? help, F fit view, O open a file); ignored while typing in a field. Dispatches to the store only.
import type { AppStore } from '../state/store.ts';

/** Every shortcut; `embed` marks the ones the embedded view (`?embed=1`: no timeline, panels, files or tour) has. */
export const SHORTCUTS = [
  { keys: 'Space', action: 'Play / pause', embed: true },
  { keys: '→', action: 'Step one simulated hour (in a replay: one hour on)', embed: true },
  { keys: '←', action: 'Replay: one simulated hour back', embed: false },
  { keys: 'L', action: 'Back to the live run', embed: false },
  { keys: 'R', action: 'Reset (same seed)', embed: true },
  { keys: 'N', action: 'New seed', embed: true },
  { keys: 'F', action: 'Fit the whole world in view', embed: true },
  {
    keys: 'O',
    action: 'Open a scenario file, or a CSV or JSON export (or drop one on the page)',
    embed: false,
  },
  { keys: '+ / −', action: 'Zoom in / out', embed: true },
  { keys: 'Esc', action: 'Close dialog, clear selection', embed: true },
  { keys: 'T', action: 'A guided tour of the page', embed: false },
  { keys: '?', action: 'This help', embed: true },
] as const;

/** True when the key event comes from a place where letters are text (inputs, selects, editable content). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color'].includes(type);
}

/** Installs the shortcuts on `window`; returns the uninstaller. */
export function installShortcuts(
  store: AppStore,
  view: {
    fitWorld(): void;
    zoomBy(factor: number): void;
    openFile?: (() => void) | undefined;
    startTour?: (() => void) | undefined;
  },
): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    const s = store.getState();
    // The help dialog is modal: behind it only the keys that close it answer (R or N would rebuild the world unseen).
    if (s.helpOpen && e.key !== 'Escape' && e.key !== '?') return;
    switch (e.key) {
      case ' ':
        // A focused button would also "click" on space: let buttons keep their own meaning.
        if (e.target instanceof HTMLButtonElement) return;
        s.togglePlay();
        break;
      case 'ArrowRight':
        if (e.target instanceof HTMLInputElement) return;
        s.step(1);
        break;
      case 'ArrowLeft':
        if (e.target instanceof HTMLInputElement) return;
        s.stepBack();
        break;
      case 'l':
      case 'L':
        s.showTick(null);
        break;
      case 'r':
      case 'R':
        s.reset();
        break;
      case 'n':
      case 'N':
        s.newSeed();
        break;
      case 'f':
      case 'F':
        view.fitWorld();
        break;
      case 'o':
      case 'O':
        if (!view.openFile) return;
        view.openFile();
        break;
      case 't':
      case 'T':
        if (!view.startTour) return;
        view.startTour();
        break;
      case '+':
      case '=':
        view.zoomBy(1.4);
        break;
      case '-':
        view.zoomBy(1 / 1.4);
        break;
      case '?':
        s.setHelpOpen(!s.helpOpen);
        break;
      case 'Escape':
        if (s.helpOpen) s.setHelpOpen(false);
        else s.selectAgent(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  // A button clicked with the mouse or a finger keeps the focus, and Space would then press it again (reload the
  // preset, step once more) instead of playing. Focus only matters to keyboard users, whose clicks (Enter, Space)
  // have `detail` 0: a pointer click hands the focus back to the page, so the shortcuts answer next.
  const onClick = (e: MouseEvent) => {
    if (e.detail === 0) return;
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (button && document.activeElement === button) button.blur();
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('click', onClick);
  return () => {
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('click', onClick);
  };
}
