// The parameter panel: sliders, selects and switches generated from the schema's fields, grouped in folders. Dispatches parameter patches to the store only.
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { fromSlider, getPath, type ParamField, patchFor, toSlider } from './param-fields.ts';

const SLIDER_STEPS = 1_000;

export interface ParamPanel {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

function formatValue(field: ParamField, value: number): string {
  const text = field.integer
    ? Math.round(value).toLocaleString('en-US')
    : Number(value.toPrecision(4)).toString();
  return field.unit ? `${text} ${field.unit}` : text;
}

/**
 * Builds one control per field. A change is sent as a JSON merge patch when the user lets go of the slider
 * (a rebuild per drag step would be wasteful); the label shows the value while dragging.
 */
export function createParamPanel(store: AppStore, fields: readonly ParamField[]): ParamPanel {
  const root = el('div', { class: 'params' });
  const groups = new Map<string, HTMLElement>();
  const syncers: ((scenario: unknown) => void)[] = [];
  if (fields.length === 0)
    root.append(el('p', { class: 'muted' }, 'No adjustable parameters for this scenario.'));

  fields.forEach((field, index) => {
    let body = groups.get(field.group);
    if (!body) {
      body = el('div', { class: 'param-group-body' });
      groups.set(field.group, body);
      root.append(
        el(
          'details',
          { class: 'param-group', open: groups.size === 1 },
          el('summary', {}, field.group),
          body,
        ),
      );
    }
    const id = `param-${index}`;
    const help = field.description
      ? el('p', { class: 'param-help', id: `${id}-help` }, field.description)
      : null;
    const range =
      field.min !== undefined && field.max !== undefined
        ? `${field.min} – ${field.max}${field.unit ? ` ${field.unit}` : ''}`
        : '';
    const valueText = el('output', { class: 'param-value', for: id });
    let control: HTMLElement;
    if (field.kind === 'number') {
      const input = el('input', {
        type: 'range',
        id,
        min: 0,
        max: SLIDER_STEPS,
        step: 1,
        'aria-describedby': help ? `${id}-help` : undefined,
        title: `Allowed: ${range}`,
      });
      input.addEventListener('input', () =>
        setText(valueText, formatValue(field, fromSlider(field, Number(input.value) / SLIDER_STEPS))),
      );
      input.addEventListener('change', () =>
        store
          .getState()
          .setParams(patchFor(field.path, fromSlider(field, Number(input.value) / SLIDER_STEPS))),
      );
      syncers.push((scenario) => {
        const v = getPath(scenario, field.path);
        const known = typeof v === 'number';
        input.disabled = false;
        if (document.activeElement !== input && known)
          input.value = String(Math.round(toSlider(field, v) * SLIDER_STEPS));
        setText(valueText, known ? formatValue(field, v) : 'default');
      });
      control = input;
    } else if (field.kind === 'enum') {
      const input = el('select', { id, 'aria-describedby': help ? `${id}-help` : undefined });
      for (const option of field.options ?? []) input.append(el('option', { value: option }, option));
      input.addEventListener('change', () => store.getState().setParams(patchFor(field.path, input.value)));
      syncers.push((scenario) => {
        const v = getPath(scenario, field.path);
        if (typeof v === 'string') input.value = v;
        setText(valueText, typeof v === 'string' ? '' : 'default');
      });
      control = input;
    } else {
      const input = el('input', {
        type: 'checkbox',
        id,
        'aria-describedby': help ? `${id}-help` : undefined,
      });
      input.addEventListener('change', () => store.getState().setParams(patchFor(field.path, input.checked)));
      syncers.push((scenario) => {
        const v = getPath(scenario, field.path);
        if (typeof v === 'boolean') input.checked = v;
      });
      control = input;
    }
    body.append(
      el(
        'div',
        { class: `param param-${field.kind}` },
        el('label', { for: id }, field.label, range ? el('span', { class: 'param-range' }, range) : null),
        valueText,
        control,
        help,
      ),
    );
  });

  let last: unknown = null;
  return {
    root,
    update(state) {
      if (state.scenario === last) return;
      last = state.scenario;
      for (const sync of syncers) sync(state.scenario);
    },
  };
}
