// Route parameters of the collège pages. Days, date-times and names are written by lib/core/format.ts.

/**
 * A dynamic route segment: Next.js already decodes it; a second decode is only attempted for links
 * encoded twice, and never throws (a bare « % » made decodeURIComponent throw URIError → 500).
 */
export function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
