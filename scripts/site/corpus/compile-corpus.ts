import type { CorpusConfig } from './config.ts'
import { emitToFolder, type EmitSummary, type ExtraEmitter } from './emit-corpus.ts'
import { progressReporter } from './progress.ts'
import { readCorpus, type CorpusRead } from './read-corpus.ts'

export type Compiled = { read: CorpusRead; summary: EmitSummary; seconds: number }

/**
 * Reads, validates and writes a corpus into `<outDir>/<version>/`. The caller decides what errors
 * mean (the build stops on them unless allowed; the files that were valid are written either way).
 * CORPUS_RELATED=0 leaves out the related stories, for `bench:corpus` to measure what they cost.
 */
export function compileCorpus(
  config: CorpusConfig,
  outDir: string,
  extras: readonly ExtraEmitter[] = [],
): Compiled {
  const started = performance.now()
  const progress = progressReporter('compiling corpus')
  const read = readCorpus(config.dir, {
    maxBytes: config.maxBytes,
    onProgress: progress.onProgress,
  })
  progress.finish()
  const related = process.env.CORPUS_RELATED !== '0'
  const summary = emitToFolder(read.articles, outDir, undefined, extras, { related })
  return { read, summary, seconds: (performance.now() - started) / 1000 }
}
