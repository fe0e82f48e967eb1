import { createSignal, onCleanup, onMount, type JSX } from 'solid-js';

/**
 * "Share" in the top bar: a menu of the ways the view leaves the app (Export, Save picture, Embed), so that the bar
 * keeps to one line. Open on click; closed by Escape (the focus back on Share), by a click outside it, or by Share
 * again. The items' dialogs live inside it and stay open on their own.
 */
export function ShareMenu(props: { children: JSX.Element }) {
  const [open, setOpen] = createSignal(false);
  let root!: HTMLDivElement;
  let button!: HTMLButtonElement;
  const outside = (e: PointerEvent) => {
    if (open() && !root.contains(e.target as Node)) setOpen(false);
  };
  onMount(() => document.addEventListener('pointerdown', outside));
  onCleanup(() => document.removeEventListener('pointerdown', outside));
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open() || (e.target as Element).closest('dialog')) return;
    setOpen(false);
    button.focus();
  };
  return (
    <div class="share-menu" ref={root} on:keydown={onKey}>
      <button type="button" class="show-all" ref={button} aria-expanded={open()} aria-controls="share-items" onClick={() => setOpen(!open())}>
        Share
      </button>
      <div id="share-items" class="share-items" classList={{ open: open() }}>
        {props.children}
      </div>
    </div>
  );
}
