/// <reference types="vite/client" />

declare module 'virtual:corpus' {
  /** Content hash of the compiled corpus: the name of the versioned data folder. */
  export const dataVersion: string
  /** The site's public URL (SITE_URL), base path included, no trailing slash. */
  export const siteUrl: string
}
