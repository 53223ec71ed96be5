/**
 * The build side of the start-up, in the order it must run: the entries and their shared chunk,
 * the compile hints on the chunks that run at once, and the boot script that starts the app
 * after the first paint. vite.config.ts lists them ahead of the plugins that read the files they
 * write (precompress, service worker); each checks that order when the config is resolved
 * (plugin-order.ts). What each page's HTML ends up holding: docs/startup.md.
 */
import type { Plugin } from 'vite'
import { compileHintsPlugin } from './compile-hints.ts'
import { deferEntryPlugin } from './defer-entry.ts'
import { startupEntriesPlugin } from './entries.ts'
import { readerSettingsPlugin } from './reader-settings.ts'

export function startupPlugins(): Plugin[] {
  return [startupEntriesPlugin(), compileHintsPlugin(), deferEntryPlugin(), readerSettingsPlugin()]
}
