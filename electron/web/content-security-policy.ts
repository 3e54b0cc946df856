/**
 * The same policy as the <meta> tag in renderer/index.html, also sent as a
 * header by the web host: scripts only from the app itself, no inline or
 * eval'd code, no remote content, nothing embedded elsewhere.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
