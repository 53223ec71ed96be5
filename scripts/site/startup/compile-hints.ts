/**
 * Marks the entry chunks for eager compilation with V8's explicit compile hint, the magic comment
 * `//# allFunctionsCalledOnLoad` on its first line (Chrome 136 and later; other engines read a
 * comment). Left to itself V8 compiles a function the first time it is called, on the main
 * thread: starting React, the router and the query cache and hydrating the page then spends most
 * of its time compiling, in the tasks that block a reader's first tap. With the hint the whole
 * chunk is compiled on a background thread while it streams in. The entries, the chunks they
 * import statically (for the search page's early script, the search engine) and the library
 * chunks the app's entry imports at start-up (React DOM: see vite-plugin-defer-entry.ts) are the
 * right chunks to mark because nearly all of them runs whenever they load; the route chunks are
 * left to lazy compilation.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { startupChunks } from './defer-entry.ts'

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

export function compileHintsPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'newsreader:compile-hints',
    apply: 'build',
    configResolved(c) {
      config = c
    },
    // On the written file: Vite puts its preload map at the top of the entry after every
    // plugin's generateBundle, and the comment must come first.
    writeBundle(_options, bundle) {
      if (config.build.ssr) return
      const outDir = resolve(config.root, config.build.outDir)
      const marked = new Set<string>()
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue
        marked.add(chunk.fileName)
        for (const file of chunk.imports) marked.add(file)
        for (const startup of startupChunks(bundle, chunk.fileName)) marked.add(startup.fileName)
      }
      for (const fileName of marked) {
        const path = join(outDir, fileName)
        writeFileSync(path, withCompileHint(readFileSync(path, 'utf8')))
      }
    },
  }
}

export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : `${COMPILE_HINT}\n${code}`
}
