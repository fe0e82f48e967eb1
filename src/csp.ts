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
