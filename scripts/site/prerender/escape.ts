/** Escaping for the text the prerender step writes into HTML, XML and JSON-LD. */

/** Lone surrogates become U+FFFD, and characters XML 1.0 forbids are dropped. */
function wellFormed(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing what XML cannot carry is the point
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

/** Text or attribute value in HTML. */
export function escapeHtml(text: string): string {
  return wellFormed(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Text or attribute value in XML. */
export function escapeXml(text: string): string {
  return escapeHtml(text).replace(/&#39;/g, '&apos;')
}
