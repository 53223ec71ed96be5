/**
 * Plugin order, checked rather than described: a start-up plugin that writes files another
 * plugin reads (compresses, precaches) says so here, and the build stops at once, naming both,
 * when the Vite config lists them the other way round.
 */
import type { Plugin, ResolvedConfig } from 'vite'

export type OrderRule = {
  /** Another plugin's name. The rule holds when the build does not have it. */
  plugin: string
  comes: 'before' | 'after'
  /** Why, for the error. */
  because: string
}

/** Throws unless `name` stands, in the resolved `plugins`, where each of `rules` wants it. */
export function checkPluginOrder(
  plugins: readonly Pick<Plugin, 'name'>[],
  name: string,
  rules: readonly OrderRule[],
): void {
  const at = plugins.findIndex((p) => p.name === name)
  if (at === -1) throw new Error(`${name} is not among the build's plugins it was given`)
  for (const rule of rules) {
    const other = plugins.findIndex((p) => p.name === rule.plugin)
    if (other === -1 || (rule.comes === 'before' ? at < other : at > other)) continue
    throw new Error(
      `${name} must come ${rule.comes} ${rule.plugin} in the build's plugins, since ${rule.because}; ` +
        `it comes ${rule.comes === 'before' ? 'after' : 'before'} it. Keep the order of ` +
        'startupPlugins() (scripts/site/startup/plugins.ts) and list it ahead of the plugins that ' +
        'read what the start-up writes (vite.config.ts).',
    )
  }
}

/** A `configResolved` hook that checks `rules` for the plugin `name`. */
export function orderCheck(name: string, rules: readonly OrderRule[]) {
  return (config: ResolvedConfig) => checkPluginOrder(config.plugins, name, rules)
}

/** The plugins that read every file the start-up plugins write, so must come after them. */
export const READERS_OF_BUILT_FILES: readonly OrderRule[] = [
  {
    plugin: 'newsreader:precompress',
    comes: 'before',
    because: 'it compresses the scripts as they are written then',
  },
  {
    plugin: 'newsreader:service-worker',
    comes: 'before',
    because: 'it precaches the files and hashes their contents into its version',
  },
]
