import { Show } from 'solid-js';
import { withEmbed } from '../core/embed.ts';

/** In embed mode, over the map: what this is and where to see it whole (a new tab, out of the host page's frame). */
export function EmbedLink(props: { on: boolean; count: string }) {
  return (
    <Show when={props.on}>
    <p class="embed-link">
      <a href={withEmbed(location.href, false)} target="_blank" rel="noopener">
        Open in Datelines
      </a>
      <span class="muted"> · {props.count}</span>
    </p>
    </Show>
  );
}
