// Which record folders of the parameter panel stay open when their list is rebuilt (a record added or removed). Pure: no DOM.

/**
 * Maps the open folder keys of a list's old folders (`"<index>"`, or `"<index>/<section>"` for a folder nested in
 * record `index`) to the keys of the rebuilt ones. With as many records as before (a rename, another event type) a
 * folder stays open at its position. When records were added or removed, each new record takes the open state of
 * the first unclaimed old record with the same content, so removing the third of five events leaves the fourth's
 * folder as it was instead of giving it the removed one's; a record with no match starts closed.
 */
export function carryOpenFolders(
  before: readonly unknown[],
  after: readonly unknown[],
  open: ReadonlySet<string>,
): Set<string> {
  const newIndexOf = new Map<number, number>();
  if (before.length === after.length) for (let i = 0; i < after.length; i++) newIndexOf.set(i, i);
  else {
    const unclaimed = new Map<string, number[]>();
    before.forEach((record, index) => {
      const content = JSON.stringify(record);
      unclaimed.set(content, [...(unclaimed.get(content) ?? []), index]);
    });
    after.forEach((record, index) => {
      const old = unclaimed.get(JSON.stringify(record))?.shift();
      if (old !== undefined) newIndexOf.set(old, index);
    });
  }
  const carried = new Set<string>();
  for (const key of open) {
    const slash = key.indexOf('/');
    const index = Number(slash < 0 ? key : key.slice(0, slash));
    const moved = newIndexOf.get(index);
    if (moved !== undefined) carried.add(slash < 0 ? `${moved}` : `${moved}${key.slice(slash)}`);
  }
  return carried;
}
