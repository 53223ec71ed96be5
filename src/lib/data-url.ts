import { dataVersion } from 'virtual:corpus'

/** URL of a compiled data file: versioned, so hosts may cache it forever. */
export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}data/${dataVersion}/${path}`
}
