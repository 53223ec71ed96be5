/** True when the URL path segment decodes: its percent-escapes are complete and are UTF-8. */
function decodes(segment: string): boolean {
  try {
    // The result is used: a bare decodeURIComponent(segment) statement is dropped by the
    // production minifier, which takes the call for one without effects.
    return decodeURIComponent(segment).length >= 0
  } catch {
    return false
  }
}

/**
 * A URL path whose every segment decodes. A segment with malformed percent-encoding ("%E0%A4%A",
 * a lone "%") has its "%" escaped as "%25", so it reads as the literal text that was typed: the
 * router then matches it like any other unknown value (a not-found), instead of warning that it
 * cannot decode it. Well-formed segments are left exactly as they are.
 */
export function repairPercentEncoding(path: string): string {
  return path
    .split('/')
    .map((segment) => (decodes(segment) ? segment : segment.replace(/%/g, '%25')))
    .join('/')
}
