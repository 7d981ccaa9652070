// The parameter panel: controls generated from the schema's fields, in folders per group, with a folder per record of each world list (platforms, regions, fandoms, trends) and per event, which can be added and removed. Dispatches validated parameter patches to the store only.
import { EVENT_TYPES } from '../../sim/params/events.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { carryOpenFolders } from './folder-memory.ts';
import { createActionRow, createControl, type ParamControl } from './param-controls.ts';
import {
  addEventPatch,
  cannotAdd,
  defaultEvent,
  type EventType,
  eventTitle,
  recordItems,
  removeEventPatch,
} from './param-events.ts';
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

/** Where an edit's outcome is told: under its control (or the add/remove button), which snaps back when refused. */
interface EditTarget {
  tell: ParamControl['tell'];
  restore(): void;
}

/** Ticks after the current one at which an added event fires (a simulated day: time to watch it happen). */
export const ADD_EVENT_DELAY = 24;

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
 * rebalanced to keep their sum at 1 instead, with a note saying so. Events are edited the same way (each folder
 * shows its type's fields), and removed or appended (with defaults that fit the world) as whole-list patches.
 */
export function createParamPanel(store: AppStore, fields: readonly ParamField[]): ParamPanel {
  const root = el('div', { class: 'params' });
  const schema = fields.find((f) => f.root)?.root;
  const groups = new Map<string, HTMLElement>();
  const syncers: ((resolved: unknown) => void)[] = [];
  const told = new Set<EditTarget>();
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

  /** A control as an edit target: a refused edit puts it back to `current`. */
  const target = (control: ParamControl, current: () => unknown): EditTarget => ({
    tell: control.tell,
    restore: () => control.sync(current(), true),
  });

  /** Checks `patch` against the schema; applies it, or shows why not and restores the control. */
  const apply = (patch: ScenarioJson, control: EditTarget, note: string | null) => {
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
      control.restore();
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
        apply(
          patchFor(field.path, value),
          target(control, () => getPath(resolved, field.path)),
          null,
        ),
    });
    groupBody(field.group).append(control.root);
    syncers.push((values) => control.sync(getPath(values, field.path)));
  }

  /**
   * The folders of one list: one per record, each with its own fields and a sub-folder per nested object or vector.
   * A list of events (a union: each record's fields depend on its type) also gets a remove button per folder and an
   * "Add event" control after them.
   */
  function createListSection(list: ParamField, body: HTMLElement): (values: unknown) => void {
    const listKey = list.path.join('.');
    const isEvents = list.variants !== undefined;
    const folderBox = el('div', { class: 'param-records' });
    body.append(folderBox);
    if (isEvents) body.append(createAddEvent(list));
    let shape = '';
    /** The records as last shown (edits included), so a rebuild can tell which folders the open ones were. */
    let lastRecords: readonly unknown[] = [];
    let bound: { control: ParamControl; index: number; leaf: RecordLeaf }[] = [];
    const titles: HTMLElement[] = [];
    const title = (record: unknown, index: number) =>
      isEvents ? eventTitle(record, resolved) : recordTitle(record, index);
    /** The scenario's list as shown (defaults filled in) and as resolved, read when an edit is committed. */
    const current = () => {
      const resolvedList = getPath(resolved, list.path);
      return {
        shown: shownRecords(list, resolved),
        resolvedList: Array.isArray(resolvedList) ? resolvedList : [],
      };
    };

    const build = (records: readonly unknown[], names: ReturnType<typeof worldNames>) => {
      const open = carryOpenFolders(
        lastRecords,
        records,
        new Set(
          [...folderBox.querySelectorAll<HTMLDetailsElement>('details[data-key][open]')].map(
            (d) => d.dataset.key ?? '',
          ),
        ),
      );
      bound = [];
      titles.length = 0;
      const folders = records.map((record, index) => {
        const summary = el('summary', {}, title(record, index));
        titles.push(summary);
        const name = isEvents ? `Event ${index + 1}` : (recordTitle(record, index).split(' · ')[0] ?? '');
        const sections = new Map<string | null, HTMLElement>();
        const folder = el('details', { class: 'param-record', 'data-key': `${index}` }, summary);
        const own = el('div', { class: 'param-record-body' });
        folder.append(own);
        sections.set(null, own);
        for (const leaf of expandItems(recordItems(list, record), names)) {
          const choices = worldChoices(leaf.field, names);
          let section = sections.get(leaf.section);
          if (!section) {
            section = el('div', { class: 'param-record-body' });
            folder.append(
              el(
                'details',
                { class: 'param-sub', 'data-key': `${index}/${leaf.section}` },
                el('summary', {}, leaf.section ?? ''),
                section,
              ),
            );
            sections.set(leaf.section, section);
            if (SUM_TO_ONE.some((r) => r.list === listKey && humanize(r.object) === leaf.section))
              section.append(
                el('p', { class: 'param-help' }, 'These shares sum to 1: changing one rescales the others.'),
              );
          }
          // An unset reference means "the kind's default" in a trend, "all of them" in an event (creator leaves everywhere).
          const unsetLabel =
            isEvents && leaf.section === null ? `(all ${leaf.field.optionsFrom ?? ''})` : '(kind default)';
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
              ? {
                  options: choices.options,
                  unsetLabel,
                  required: leaf.field.optional !== true,
                  firstIndex: leaf.field.optionsFrom === 'fandoms' ? 1 : 0,
                }
              : {}),
            commit: (value) => {
              const scenario = store.getState().scenario;
              const { shown, resolvedList } = current();
              if (!scenario) return;
              const edit = editRecord(scenario, list, resolvedList, shown[index], index, leaf.path, value);
              apply(
                edit.patch,
                target(control, () => leafValue(current().shown[index], leaf)),
                edit.note,
              );
            },
          });
          section.append(control.root);
          bound.push({ control, index, leaf });
        }
        // Last in the folder, after any nested folder (a campaign's trend), so it is not hit by mistake.
        if (isEvents)
          folder.append(el('div', { class: 'param-record-body' }, createRemoveEvent(list, index, name)));
        return folder;
      });
      folderBox.replaceChildren(
        ...(folders.length > 0
          ? folders
          : [el('p', { class: 'muted small' }, `No ${list.label.toLowerCase()}.`)]),
      );
      reopen(folderBox, open);
    };

    return (values) => {
      const records = shownRecords(list, values);
      const names = worldNames(values);
      // Folders are rebuilt when the records' identity changes (names; event types and count), not on every edit.
      const identity = records.map((r) => getPath(r, [isEvents ? (list.discriminator ?? 'type') : 'name']));
      const key = JSON.stringify([identity, names]);
      if (key !== shape) {
        shape = key;
        build(records, names);
      }
      lastRecords = records;
      records.forEach((record, index) => {
        const summary = titles[index];
        if (summary) setText(summary, title(record, index));
      });
      for (const { control, index, leaf } of bound) control.sync(leafValue(records[index], leaf));
    };
  }

  /** A button that removes event `index` (the scenario is checked and rebuilt like any other edit). */
  function createRemoveEvent(list: ParamField, index: number, name: string): HTMLElement {
    const row = createActionRow({
      label: `Remove ${name.toLowerCase()}`,
      testid: `remove-event-${index}`,
      buttonClass: 'param-remove',
      act: () => {
        const scenario = store.getState().scenario;
        const resolvedList = getPath(resolved, list.path);
        if (!scenario || !Array.isArray(resolvedList)) return;
        apply(removeEventPatch(scenario, list, resolvedList, index), { tell: row.tell, restore() {} }, null);
      },
    });
    return row.root;
  }

  /** The "Add event" row: a type to choose and a button that appends it, a day after the current tick. */
  function createAddEvent(list: ParamField): HTMLElement {
    const row = createActionRow({
      label: 'Add event',
      testid: 'add-event',
      choices: {
        testid: 'add-event-type',
        label: 'Type of the new event',
        options: EVENT_TYPES.map((type) => [type, humanize(type)] as const),
      },
      act: (choice) => {
        const { scenario, tick } = store.getState();
        const resolvedList = getPath(resolved, list.path);
        if (!scenario || !Array.isArray(resolvedList)) return;
        const type = choice as EventType;
        const where = { tell: row.tell, restore() {} };
        const reason = cannotAdd(type, worldNames(resolved));
        if (reason) return where.tell('error', [`Not added: ${reason}.`]);
        const event = defaultEvent(type, resolved, tick + ADD_EVENT_DELAY);
        apply(addEventPatch(scenario, list, resolvedList, event), where, null);
      },
    });
    return row.root;
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
