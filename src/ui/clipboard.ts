// Copies text to the clipboard, or selects it in its field for the user to copy by hand when the Clipboard API is missing or refused. DOM only; no store.

/**
 * Resolves true when `text` was copied. Never throws: without a secure context `navigator.clipboard` is undefined,
 * and in a page or iframe without permission `writeText` rejects; then `field`'s text is selected instead.
 */
export async function copyOrSelect(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    return false;
  }
}
