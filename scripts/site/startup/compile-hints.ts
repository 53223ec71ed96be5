/**
 * Marks the entry chunks for eager compilation with V8's explicit compile hint, the magic comment
 * `//# allFunctionsCalledOnLoad` on its first line (Chrome 136 and later; other engines read a
 * comment). Left to itself V8 compiles a function the first time it is called, on the main
 * thread: starting React, the router and the query cache and hydrating the page then spends most
 * of its time compiling, in the tasks that block a reader's first tap. With the hint the whole
 * chunk is compiled on a background thread while it streams in. The entries, the chunks they
 * import statically (for the search page's early script, the search engine's client) and the
 * library chunks the app's entry imports at start-up (React DOM: see defer-entry.ts) are the
 * right chunks to mark because nearly all of them runs whenever they load; the route chunks are
 * left to lazy compilation.
 *
 * Every input of the build must have its entry chunk in the bundle, and every chunk to mark must
 * be on disk: otherwise the build stops, naming the input or file, instead of shipping unmarked.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin, ResolvedConfig, Rolldown } from 'vite'
import { startupChunks } from './defer-entry.ts'
import { orderCheck, READERS_OF_BUILT_FILES } from './plugin-order.ts'

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'
export const COMPILE_HINTS = 'newsreader:compile-hints'

export function compileHintsPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: COMPILE_HINTS,
    apply: 'build',
    configResolved(c) {
      config = c
      orderCheck(COMPILE_HINTS, READERS_OF_BUILT_FILES)(c)
    },
    // On the written file: Vite puts its preload map at the top of the entry after every
    // plugin's generateBundle, and the comment must come first.
    writeBundle(_options, bundle) {
      if (config.build.ssr) return
      const outDir = resolve(config.root, config.build.outDir)
      const inputs = buildInputs(config).map((input) => resolve(config.root, input))
      for (const fileName of hintedChunks(bundle, inputs)) {
        const path = join(outDir, fileName)
        if (!existsSync(path)) {
          throw new Error(`compile-hints: ${path}, a chunk of the bundle to mark, is not on disk`)
        }
        writeFileSync(path, withCompileHint(readFileSync(path, 'utf8')))
      }
    },
  }
}

/** The build's input files (`build.rolldownOptions.input`), index.html when none is given. */
function buildInputs(config: ResolvedConfig): string[] {
  const input = config.build.rolldownOptions.input ?? 'index.html'
  if (typeof input === 'string') return [input]
  return Array.isArray(input) ? input : Object.values(input)
}

/**
 * The files to mark: each entry chunk, the chunks it imports statically, and its start-up
 * library chunks. `inputs` are the build's input files: one without an entry chunk is an error.
 */
export function hintedChunks(bundle: Rolldown.OutputBundle, inputs: readonly string[]): string[] {
  const entries = Object.values(bundle).filter(
    (chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk' && chunk.isEntry,
  )
  for (const input of inputs) {
    if (!entries.some((chunk) => chunk.facadeModuleId === input)) {
      throw new Error(
        `compile-hints: the bundle has no entry chunk for the build input ${input}, so nothing ` +
          `of it would be marked; its entry chunks are for ${entries.map((c) => c.facadeModuleId).join(', ') || 'nothing'}`,
      )
    }
  }
  const marked = new Set<string>()
  for (const chunk of entries) {
    marked.add(chunk.fileName)
    for (const file of chunk.imports) marked.add(file)
    for (const startup of startupChunks(bundle, chunk.fileName)) marked.add(startup.fileName)
  }
  return [...marked]
}

export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : `${COMPILE_HINT}\n${code}`
}
