// The app's entry, which index.html loads (through the boot script the build puts in its place).
// The start-up itself is src/app/start/; docs/startup.md describes it.
import { start } from './app/start/start'
import './index.css'

void start()
