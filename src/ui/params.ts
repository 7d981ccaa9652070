// The parameter panel: controls generated from the schema's fields, in folders per group, with a folder per record of each world list (platforms, regions, fandoms, trends). Dispatches validated parameter patches to the store only.
import type { ScenarioJson } from '../../sim/protocol.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { createControl, type ParamControl } from './param-controls.ts';
import { getPath, humanize, type ParamField, patchFor } from './param-fields.ts';
import {
  checkPatch,
  editRecord,
  expandItems,
  getIn,
  type RecordLeaf,
  resolveScenario,
  SUM_TO_ONE,
  shownRecords,
  worldChoices,
  worldNames,
} from './param-records.ts';

export interface ParamPanel {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

/** A record's folder title: its name, and its kind when it has one ("Loop · short-video"). */
function recordTitle(record: unknown, index: number): string {
  const name = getPath(record, ['name']);
  const kind = getPath(record, ['kind']);
  const title = typeof name === 'string' && name !== '' ? name : `#${index + 1}`;
  return typeof kind === 'string' ? `${title} · ${kind}` : title;
}

function safeId(parts: readonly (string | number)[]): string {
  return `param-${parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Opens every folder of `body` whose data-key is in `keys` (folder state survives a rebuild). */
function reopen(body: HTMLElement, keys: ReadonlySet<string>): void {
  for (const folder of body.querySelectorAll<HTMLDetailsElement>('details[data-key]'))
    folder.open = keys.has(folder.dataset.key ?? '');
}

/**
 * Builds one control per scalar field and, per list field, a folder per record (rebuilt when the world's names
 * change, e.g. another preset). Values shown are the scenario parsed by the schema (defaults filled in, a trend's
 * kind defaults too). A change is sent as a JSON merge patch when the user lets go of a slider (a rebuild per drag
 * step would be wasteful), after checking the patched scenario against the whole schema: a patch that breaks a
 * cross-field rule is not applied and the schema's message is shown under the control; feed-mix shares are
 * rebalanced to keep their sum at 1 instead, with a note saying so.
 */
export function createParamPanel(store: AppStore, fields: readonly ParamField[]): ParamPanel {
  const root = el('div', { class: 'params' });
  const schema = fields.find((f) => f.root)?.root;
  const groups = new Map<string, HTMLElement>();
  const syncers: ((resolved: unknown) => void)[] = [];
  const told = new Set<ParamControl>();
  let resolved: unknown = null;
  if (fields.length === 0)
    root.append(el('p', { class: 'muted' }, 'No adjustable parameters for this scenario.'));

  const groupBody = (name: string): HTMLElement => {
    let body = groups.get(name);
    if (!body) {
      body = el('div', { class: 'param-group-body' });
      groups.set(name, body);
      root.append(
        el('details', { class: 'param-group', open: groups.size === 1 }, el('summary', {}, name), body),
      );
    }
    return body;
  };

  /** Checks `patch` against the schema; applies it, or shows why not and puts the control back to `current`. */
  const apply = (patch: ScenarioJson, control: ParamControl, current: () => unknown, note: string | null) => {
    const scenario = store.getState().scenario;
    if (!scenario) return;
    for (const other of told) {
      other.tell('error', null);
      other.tell('note', null);
    }
    told.clear();
    const problems = checkPatch(schema, scenario, patch);
    told.add(control);
    if (problems.length > 0) {
      control.tell('error', [`Not applied: ${problems.join('; ')}`]);
      control.sync(current(), true);
      return;
    }
    if (note) control.tell('note', [note]);
    store.getState().setParams(patch);
  };

  for (const [index, field] of fields.entries()) {
    if (field.kind === 'list') {
      syncers.push(createListSection(field, groupBody(field.group)));
      continue;
    }
    const control: ParamControl = createControl({
      field,
      id: `param-${index}`,
      label: field.label,
      dataPath: field.path.join('.'),
      compact: false,
      commit: (value) =>
        apply(patchFor(field.path, value), control, () => getPath(resolved, field.path), null),
    });
    groupBody(field.group).append(control.root);
    syncers.push((values) => control.sync(getPath(values, field.path)));
  }

  /** The folders of one list: one per record, each with its own fields and a sub-folder per nested object or vector. */
  function createListSection(list: ParamField, body: HTMLElement): (values: unknown) => void {
    const listKey = list.path.join('.');
    let shape = '';
    let bound: { control: ParamControl; index: number; leaf: RecordLeaf }[] = [];
    const titles: HTMLElement[] = [];

    const build = (records: readonly unknown[], names: ReturnType<typeof worldNames>) => {
      const open = new Set(
        [...body.querySelectorAll<HTMLDetailsElement>('details[data-key][open]')].map(
          (d) => d.dataset.key ?? '',
        ),
      );
      bound = [];
      titles.length = 0;
      const leaves = expandItems(list.items ?? [], names);
      const folders = records.map((record, index) => {
        const title = el('summary', {}, recordTitle(record, index));
        titles.push(title);
        const name = recordTitle(record, index).split(' · ')[0];
        const sections = new Map<string | null, HTMLElement>();
        const folder = el('details', { class: 'param-record', 'data-key': `${index}` }, title);
        const own = el('div', { class: 'param-record-body' });
        folder.append(own);
        sections.set(null, own);
        for (const leaf of leaves) {
          const choices = worldChoices(leaf.field, names);
          let target = sections.get(leaf.section);
          if (!target) {
            target = el('div', { class: 'param-record-body' });
            folder.append(
              el(
                'details',
                { class: 'param-sub', 'data-key': `${index}/${leaf.section}` },
                el('summary', {}, leaf.section ?? ''),
                target,
              ),
            );
            sections.set(leaf.section, target);
            if (SUM_TO_ONE.some((r) => r.list === listKey && humanize(r.object) === leaf.section))
              target.append(
                el('p', { class: 'param-help' }, 'These shares sum to 1: changing one rescales the others.'),
              );
          }
          const dataPath = [...list.path, index, ...leaf.path].join('.');
          const control: ParamControl = createControl({
            field: leaf.field,
            id: safeId([...list.path, index, ...leaf.path]),
            label: leaf.label,
            context: `${name}${leaf.section ? `, ${leaf.section}` : ''}:`,
            dataPath,
            compact: true,
            ...(choices?.byIndex ? { options: choices.options, byIndex: true } : {}),
            ...(choices && !choices.byIndex
              ? { options: choices.options, unsetLabel: '(kind default)' }
              : {}),
            commit: (value) => {
              const scenario = store.getState().scenario;
              const shown = shownRecords(list, resolved);
              const resolvedList = getPath(resolved, list.path);
              if (!scenario || !Array.isArray(resolvedList)) return;
              const edit = editRecord(scenario, list, resolvedList, shown[index], index, leaf.path, value);
              apply(edit.patch, control, () => leafValue(shown[index], leaf), edit.note);
            },
          });
          target.append(control.root);
          bound.push({ control, index, leaf });
        }
        return folder;
      });
      body.replaceChildren(
        ...(folders.length > 0
          ? folders
          : [el('p', { class: 'muted small' }, `No ${list.label.toLowerCase()}.`)]),
      );
      reopen(body, open);
    };

    return (values) => {
      const records = shownRecords(list, values);
      const names = worldNames(values);
      const key = JSON.stringify([records.map((r) => getPath(r, ['name'])), names]);
      if (key !== shape) {
        shape = key;
        build(records, names);
      }
      records.forEach((record, index) => {
        const title = titles[index];
        if (title) setText(title, recordTitle(record, index));
      });
      for (const { control, index, leaf } of bound) control.sync(leafValue(records[index], leaf));
    };
  }

  let last: unknown = null;
  return {
    root,
    update(state) {
      if (state.scenario === last) return;
      last = state.scenario;
      if (!state.scenario) return;
      resolved = resolveScenario(schema, state.scenario) ?? state.scenario;
      for (const sync of syncers) sync(resolved);
    },
  };
}

/** A record leaf's value as shown: a topic a trend's topic weights leave out has weight 0. */
function leafValue(record: unknown, leaf: RecordLeaf): unknown {
  const value = getIn(record, leaf.path);
  return value === undefined && leaf.field.each?.by === 'name' ? 0 : value;
}
