// One parameter control (slider, select, switch, colour picker or text box) with its label, value, range, help and message line, in the full or the compact layout; and a button row (add or remove an event). DOM only: no store, no schema walking.
import { el, setText } from './dom.ts';
import { fromSlider, HEX_COLOUR, type ParamField, toSlider } from './param-fields.ts';

/** Slider resolution: positions 0..SLIDER_STEPS map onto the field's range (log or linear). */
export const SLIDER_STEPS = 1_000;

/** What one control shows and what it does with a committed value. */
export interface ControlSpec {
  /** A leaf field (kind number, enum, boolean, color or text). */
  readonly field: ParamField;
  /** Unique element id of the input. */
  readonly id: string;
  readonly label: string;
  /** Said before the label to screen readers only (e.g. "Loop, Feed mix:"), so every input has a unique, full name. */
  readonly context?: string;
  /** The scenario path written into `data-path` (what scripts and tests find the input by). */
  readonly dataPath: string;
  /**
   * Compact: label and value on one line (numbers as a box one can type in), the slider under them, the help text
   * read out (and in the tooltip) but not shown; else the full block with range and help shown.
   */
  readonly compact: boolean;
  /** Options of an enum whose options come from the world (a trend's platform), with an "unset" choice first. */
  readonly options?: readonly string[];
  /** Label of the unset choice of such an enum. */
  readonly unsetLabel?: string;
  /** With `options`: the value must name one of them (an event's platform), so there is no unset choice. */
  readonly required?: boolean;
  /**
   * With `options`: the value is the 0-based position of the chosen name (a number, e.g. a region's main language
   * as an index into the world's languages), written back as that number; there is no unset choice.
   */
  readonly byIndex?: boolean;
  /**
   * With `options` (not `byIndex`): the number a reference by position starts from. Fandoms are numbered from 1 in
   * scenarios (0 is "no fandom"), everything else from 0.
   */
  readonly firstIndex?: number;
  /** Called with the new value when the user lets go of a slider or picks an option (undefined: unset). */
  commit(value: unknown): void;
}

export interface ParamControl {
  readonly root: HTMLElement;
  /** Shows `value`; a slider being dragged is left alone (the user is moving it) unless `force`. */
  sync(value: unknown, force?: boolean): void;
  /** Shows the schema's messages (error) or an explanation of an automatic change (note) under the control; null clears. */
  tell(kind: 'error' | 'note', lines: readonly string[] | null): void;
}

/** `12.5 posts`, `20,000 agents`: 4 significant digits, integers grouped. */
export function formatValue(field: ParamField, value: number): string {
  const text = field.integer
    ? Math.round(value).toLocaleString('en-US')
    : Number(value.toPrecision(4)).toString();
  return field.unit ? `${text} ${field.unit}` : text;
}

/** `0 – 1`, `1 – 128 posts`, or '' without a range. */
export function rangeText(field: ParamField): string {
  if (field.min === undefined || field.max === undefined) return '';
  return `${field.min.toLocaleString('en-US')} – ${field.max.toLocaleString('en-US')}${field.unit ? ` ${field.unit}` : ''}`;
}

/**
 * Shows `value` in an enum's select: a position with `byIndex`, else a name (a reference by index shows the name at
 * that index); a value the options lack is added as an option of its own rather than hidden.
 */
function syncSelect(
  select: HTMLSelectElement,
  spec: ControlSpec,
  byIndex: boolean,
  dynamic: boolean,
  valueText: HTMLElement,
): (value: unknown) => void {
  return (value) => {
    if (byIndex) {
      const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : '';
      // An index past the list's end (the schema refuses it) still shows, as what it is.
      if (text !== '' && ![...select.options].some((o) => o.value === text))
        select.append(el('option', { value: text }, `#${text} (not in the list)`));
      select.value = text;
      setText(valueText, '');
      return;
    }
    // A reference by index (a trend's `platform: 0`) shows as the name at that index.
    const text =
      typeof value === 'number' && spec.options
        ? (spec.options[value - (spec.firstIndex ?? 0)] ?? '')
        : typeof value === 'string'
          ? value
          : '';
    // A value the options lack (a platform named by its kind, "short-video") is kept as an option of its own.
    if (text !== '' && ![...select.options].some((o) => o.value === text))
      select.append(el('option', { value: text }, text));
    if (text !== '' || dynamic) select.value = text;
    setText(valueText, text === '' && !dynamic ? 'default' : '');
  };
}

export function createControl(spec: ControlSpec): ParamControl {
  const { field, id } = spec;
  const range = rangeText(field);
  const helpId = `${id}-help`;
  const helpText = [field.description, range ? `Allowed: ${range}.` : ''].filter(Boolean).join(' ');
  const valueText = el('output', { class: 'param-value', for: id });
  const message = el('p', { class: 'param-message', id: `${id}-message`, role: 'status', hidden: true });
  const describedBy = `${helpId} ${id}-message`;
  let input: HTMLInputElement | HTMLSelectElement;
  let sync: (value: unknown, force?: boolean) => void;

  /**
   * Compact number rows type their value in a box (precise values, ranges a slider cannot resolve), and so does every
   * field whose slider ends below its maximum (sliderMax: ticks beyond the slider's 90 days).
   */
  let box: HTMLInputElement | null = null;
  if (field.kind === 'number') {
    const slider = el('input', {
      type: 'range',
      id,
      min: 0,
      max: SLIDER_STEPS,
      step: 1,
      'data-path': spec.dataPath,
      'aria-describedby': describedBy,
      title: range ? `Allowed: ${range}` : undefined,
    });
    const valueAt = () => fromSlider(field, Number(slider.value) / SLIDER_STEPS);
    slider.addEventListener('input', () => {
      const text = formatValue(field, valueAt());
      setText(valueText, text);
      slider.setAttribute('aria-valuetext', text);
      if (box) box.value = String(valueAt());
    });
    // Only a drag in progress keeps the slider from following the store (a keyboard or finished edit that the app
    // refused, e.g. a world too big, must show the value in force again even while the slider keeps the focus).
    let dragging = false;
    slider.addEventListener('pointerdown', () => {
      dragging = true;
    });
    const dragEnded = () => {
      dragging = false;
    };
    slider.addEventListener('pointerup', dragEnded);
    slider.addEventListener('pointercancel', dragEnded);
    slider.addEventListener('change', () => {
      dragging = false;
      spec.commit(valueAt());
    });
    /** The value in force (the last one synced), for the typed box to fall back to. */
    let shown: number | undefined;
    const boxText = (value: number | undefined) =>
      value === undefined ? '' : String(Number(value.toPrecision(6)));
    if (spec.compact || field.sliderMax !== undefined) {
      const typed = el('input', {
        type: 'number',
        class: 'param-box',
        min: field.min,
        max: field.max,
        step: field.step ?? 'any',
        inputmode: 'decimal',
        placeholder: field.optional ? 'not set' : undefined,
        'aria-label':
          `${spec.context ?? ''} ${spec.label}${field.unit ? ` in ${field.unit}` : ''}, typed`.trim(),
        'aria-describedby': describedBy,
      });
      typed.addEventListener('change', () => {
        const value = typed.valueAsNumber;
        // Emptying the box of a field that may be left out unsets it (an event's end tick: never ends).
        if (typed.value === '' && field.optional && !typed.validity.badInput) spec.commit(undefined);
        else if (Number.isFinite(value)) spec.commit(value);
        else {
          // Text the browser cannot read as a number (or one beyond any double, like 1e400) commits nothing: say so
          // here, in place of whatever the last edit said, and show the value in force again.
          control.tell('error', [`must be a number${range ? ` in ${range}` : ''}`]);
          typed.value = boxText(shown);
        }
      });
      box = typed;
    }
    sync = (value, force = false) => {
      const known = typeof value === 'number';
      shown = known ? value : undefined;
      if (known && (force || !dragging))
        slider.value = String(Math.round(toSlider(field, value) * SLIDER_STEPS));
      if (box && (force || document.activeElement !== box)) box.value = boxText(shown);
      const text = known ? formatValue(field, value) : 'default';
      setText(valueText, text);
      slider.setAttribute('aria-valuetext', text);
    };
    input = slider;
  } else if (field.kind === 'enum') {
    const select = el('select', { id, 'data-path': spec.dataPath, 'aria-describedby': describedBy });
    const byIndex = spec.byIndex === true && spec.options !== undefined;
    const dynamic = spec.options !== undefined && !byIndex && spec.required !== true;
    if (dynamic) select.append(el('option', { value: '' }, spec.unsetLabel ?? '(default)'));
    if (byIndex)
      for (const [index, name] of (spec.options ?? []).entries())
        select.append(el('option', { value: String(index) }, name || `#${index}`));
    else
      for (const option of spec.options ?? field.options ?? [])
        select.append(el('option', { value: option }, option));
    select.addEventListener('change', () =>
      spec.commit(byIndex ? Number(select.value) : dynamic && select.value === '' ? undefined : select.value),
    );
    sync = syncSelect(select, spec, byIndex, dynamic, valueText);
    input = select;
  } else if (field.kind === 'color') {
    const picker = el('input', {
      type: 'color',
      id,
      'data-path': spec.dataPath,
      'aria-describedby': describedBy,
    });
    picker.addEventListener('change', () => spec.commit(picker.value.toLowerCase()));
    sync = (value) => {
      const known = typeof value === 'string' && HEX_COLOUR.test(value);
      if (known) picker.value = value.toLowerCase();
      setText(valueText, known ? value.toLowerCase() : 'default');
    };
    input = picker;
  } else if (field.kind === 'text') {
    const text = el('input', {
      type: 'text',
      id,
      class: 'param-text',
      maxlength: field.max,
      spellcheck: 'false',
      'data-path': spec.dataPath,
      'aria-describedby': describedBy,
    });
    // Committed when the user leaves the box or presses Enter; surrounding spaces are not part of a name.
    text.addEventListener('change', () => spec.commit(text.value.trim()));
    sync = (value, force = false) => {
      if (typeof value === 'string' && (force || document.activeElement !== text)) text.value = value;
    };
    input = text;
  } else {
    const box = el('input', {
      type: 'checkbox',
      id,
      'data-path': spec.dataPath,
      'aria-describedby': describedBy,
    });
    box.addEventListener('change', () => spec.commit(box.checked));
    sync = (value) => {
      if (typeof value === 'boolean') box.checked = value;
    };
    input = box;
  }

  const context = spec.context ? el('span', { class: 'sr-only' }, `${spec.context} `) : null;
  const root = spec.compact
    ? el(
        'div',
        { class: `param-row param-${field.kind}`, title: helpText },
        el(
          'label',
          { for: id },
          context,
          spec.label,
          field.unit ? el('span', { class: 'param-unit' }, ` ${field.unit}`) : null,
        ),
        box ?? valueText,
        input,
        el('span', { class: 'sr-only', id: helpId }, helpText),
        message,
      )
    : el(
        'div',
        { class: `param param-${field.kind}` },
        el(
          'label',
          { for: id },
          context,
          spec.label,
          range ? el('span', { class: 'param-range' }, range) : null,
        ),
        box ?? valueText,
        input,
        field.description
          ? el('p', { class: 'param-help', id: helpId }, field.description)
          : el('span', { class: 'sr-only', id: helpId }, helpText),
        message,
      );

  const control: ParamControl = {
    root,
    sync,
    tell(kind, lines) {
      message.hidden = lines === null || lines.length === 0;
      message.classList.toggle('param-error', kind === 'error' && !message.hidden);
      setText(message, lines?.join(' ') ?? '');
      for (const target of box ? [input, box] : [input]) {
        if (kind === 'error' && lines?.length) target.setAttribute('aria-invalid', 'true');
        else target.removeAttribute('aria-invalid');
      }
    },
  };
  return control;
}

/** A button (optionally after a select of choices) with a message line under it, told like a control. */
export interface ActionRow {
  readonly root: HTMLElement;
  tell: ParamControl['tell'];
}

/**
 * A row with `label` on a button (`testid`, class `buttonClass`) that calls `act` with the chosen option of the
 * `choices` select (values, shown by their labels) or '' without one. A refusal marks the select (else the button).
 */
export function createActionRow(spec: {
  readonly label: string;
  readonly testid: string;
  readonly buttonClass?: string;
  readonly choices?: {
    readonly testid: string;
    readonly label: string;
    readonly options: readonly (readonly [string, string])[];
  };
  act(choice: string): void;
}): ActionRow {
  const { choices } = spec;
  const select = choices
    ? el(
        'select',
        { 'data-testid': choices.testid, 'aria-label': choices.label },
        ...choices.options.map(([value, label]) => el('option', { value }, label)),
      )
    : null;
  const button = el(
    'button',
    { type: 'button', class: spec.buttonClass, 'data-testid': spec.testid },
    spec.label,
  );
  const message = el('p', { class: 'param-message', role: 'status', hidden: true });
  button.addEventListener('click', () => spec.act(select?.value ?? ''));
  const marked = select ?? button;
  return {
    root: el('div', { class: `param-actions${select ? ' param-add' : ''}` }, select, button, message),
    tell(kind, lines) {
      message.hidden = lines === null || lines.length === 0;
      message.classList.toggle('param-error', kind === 'error' && !message.hidden);
      setText(message, lines?.join(' ') ?? '');
      if (kind === 'error' && lines?.length) marked.setAttribute('aria-invalid', 'true');
      else marked.removeAttribute('aria-invalid');
    },
  };
}
