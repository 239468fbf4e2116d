// Security headers on every answer: a Content Security Policy the web app works under, no sniffing, no framing,
// HTTPS only once a browser has reached the server over HTTPS (browsers ignore HSTS received over plain HTTP, so
// it is harmless on http://localhost), and no caching of API answers (they depend on who asks, and TLP:AMBER
// content must not sit in shared caches).
import type { FastifyInstance } from 'fastify';

/** Scripts and styles from this origin only; inline style attributes are allowed for the charts' layout. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // A shared derived view of the knowledge base says so itself (send-json.ts: private, revalidated by its ETag).
    if (req.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });
}
