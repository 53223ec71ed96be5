import { resolve } from 'node:path'
import { DEFAULT_MAX_BYTES } from '../../../src/lib/corpus/parse-article.ts'

export type CorpusConfig = {
  /** Absolute path of the corpus folder. */
  dir: string
  maxBytes: number
  /** Build the valid articles even when some files have errors (CORPUS_ALLOW_ERRORS=1). */
  allowErrors: boolean
}

/** The corpus settings every command shares, read from the environment. */
export function corpusConfig(
  env: Record<string, string | undefined> = process.env,
  root = process.cwd(),
): CorpusConfig {
  const maxBytes = Number(env.CORPUS_MAX_BYTES ?? DEFAULT_MAX_BYTES)
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    throw new Error(
      `CORPUS_MAX_BYTES must be a positive whole number of bytes, not "${env.CORPUS_MAX_BYTES}"`,
    )
  }
  return {
    dir: resolve(root, env.CORPUS_DIR || 'corpus'),
    maxBytes,
    allowErrors: ['1', 'true', 'yes'].includes((env.CORPUS_ALLOW_ERRORS ?? '').toLowerCase()),
  }
}
