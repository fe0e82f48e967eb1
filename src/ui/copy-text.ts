/**
 * Copies `text` to the clipboard where the page may write it; where it may not (no permission, an insecure
 * origin), selects `field`, which shows the same text, for the person to copy with their keys. Says which it did.
 */
export async function copyText(text: string, field: HTMLTextAreaElement): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field.focus();
    field.select();
    return 'selected';
  }
}

/** What a dialog says when the clipboard could not be written and the text is selected instead. */
export const SELECTED_TO_COPY = 'is selected: copy it with Ctrl+C (⌘C).';
