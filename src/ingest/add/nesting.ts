/**
 * Mozilla's Readability takes time cubic in the depth of a page's markup (its scoring walks each candidate's
 * ancestors, for every candidate): 200 nested `<div>`s take 0.2 s, 500 take 1.8 s, 1,000 take 15 s. Real news pages
 * nest 20–40 deep; a page nested past MAX_DEPTH is flattened there before Readability reads it.
 */
export const MAX_DEPTH = 80; // elements below the root, counted from it

/** Elements that keep a paragraph's text together when the markup around them is flattened. */
const PARAGRAPHS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE']);

/**
 * Flattens the document in place below `maxDepth`: the children of an element at that depth become, in document
 * order, the text of everything below it, each paragraph (p, li, h1–h6, blockquote, pre) kept as one element of
 * its own holding only its text. Returns how deep the markup went, when deeper than `maxDepth`, else null.
 * Linear in the page's size, and iterative: a page 5,000 deep does not exhaust the stack.
 */
export function flattenDeepNesting(root: Element, maxDepth = MAX_DEPTH): number | null {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth === maxDepth && element.firstElementChild) {
      deepest = Math.max(deepest, flattenBelow(element, depth));
      continue;
    }
    deepest = Math.max(deepest, depth);
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest > maxDepth ? deepest : null;
}

/** Replaces the element's children by their text and paragraphs, flat; returns the depth its markup went to. */
function flattenBelow(element: Element, depth: number): number {
  const document = element.ownerDocument;
  const flat: Node[] = [];
  let deepest = depth;
  const stack: [Node, number][] = [];
  const pushChildren = (node: Node, d: number) => {
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, d]);
  };
  pushChildren(element, depth + 1);
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node.nodeType === 3) flat.push(document.createTextNode(node.textContent ?? ''));
    else if (node.nodeType === 1) {
      deepest = Math.max(deepest, d);
      const tag = (node as Element).tagName;
      if (PARAGRAPHS.has(tag)) {
        const paragraph = document.createElement(tag.toLowerCase());
        paragraph.textContent = node.textContent ?? '';
        flat.push(paragraph);
        deepest = Math.max(deepest, d + depthBelow(node as Element));
      } else pushChildren(node, d + 1);
    }
  }
  while (element.firstChild) element.removeChild(element.firstChild);
  for (const node of flat) element.appendChild(node);
  return deepest;
}

/** How far the markup goes below an element (0 for one with no element children). */
function depthBelow(element: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[element, 0]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return deepest;
}
