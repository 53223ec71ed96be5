/** The search worker: the engine, served to the page that started it (`engine-channel.ts`). */
import type { Port } from './engine-channel'
import { serveEngine } from './engine-host'

serveEngine(self as unknown as Port)
