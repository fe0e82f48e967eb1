/**
 * The Content-Security-Policy of the production build, injected into index.html as a meta tag (so it holds on any
 * static host) and sent as a header by `vite preview`. Nothing from another origin, no eval, no inline script or
 * style. MapLibre's worker is a same-origin module; the bundled font loads through the FontFace API (font-src).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Who may show the app in a frame: any site. The app is meant to be embedded (embed mode), and nothing in it acts on
 * a person's behalf (no login, no form, nothing written), so a framed copy cannot be clicked into doing harm. A
 * `<meta>` CSP cannot carry frame-ancestors: it is a response header, which `vite` and `vite preview` send and a
 * host serving `dist/` should send too (narrowed, if it likes, to the sites allowed to embed it).
 */
export const FRAME_ANCESTORS = 'frame-ancestors *';

/**
 * The headers `vite preview` sends with every response: the CSP above with frame-ancestors, and nosniff (a file is
 * only ever what its Content-Type says). `vite` sends the same but a CSP of frame-ancestors alone, as in
 * development Vite injects inline styles and scripts.
 */
export const PREVIEW_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${FRAME_ANCESTORS}`,
  'X-Content-Type-Options': 'nosniff',
};

export const DEV_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': FRAME_ANCESTORS,
  'X-Content-Type-Options': 'nosniff',
};
