/**
 * What the related stories add to an article page (issue 20: at most 1 kB gzip, HTML and data file
 * together). Builds the site twice with `npm run build`, with the related stories and without them
 * (CORPUS_RELATED=0), into bench-out/related-bytes/, and compares each article's canonical page plus
 * its data file, gzipped at level 9 as a host's static compression would.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { BENCH_DIR, ROOT } from './corpora.ts'
import { median, percentile } from './common.ts'
import { buildSite } from './lighthouse/site.ts'

const BUDGET = 1024

/** Each article's canonical page and data file in a built site, gzipped, by id. */
function articleBytes(dir: string): Map<string, number> {
  const dataFiles = new Map<string, string>()
  for (const version of readdirSync(join(dir, 'data'))) {
    const articles = join(dir, 'data', version, 'articles')
    for (const entry of readdirSync(articles, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.json')) {
        dataFiles.set(entry.name.replace(/\.json$/, ''), join(entry.parentPath, entry.name))
      }
    }
  }
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length
  const bytes = new Map<string, number>()
  for (const entry of readdirSync(join(dir, 'articles'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const id = entry.name
    const page = readdirSync(join(dir, 'articles', id)).find((name) => name.endsWith('.html'))
    const data = dataFiles.get(id)
    if (page === undefined || data === undefined) continue
    bytes.set(id, gz(join(dir, 'articles', id, page)) + gz(data))
  }
  return bytes
}

function build(corpusDir: string, related: boolean): string {
  const outDir = join(BENCH_DIR, 'related-bytes', related ? 'with' : 'without')
  console.error(`bench:related: building ${corpusDir} ${related ? 'with' : 'without'} related`)
  buildSite({
    root: ROOT,
    corpusDir,
    outDir,
    siteUrl: 'http://127.0.0.1:4173',
    env: { CORPUS_RELATED: related ? '1' : '0' },
  })
  return outDir
}

/** The report's lines: the added bytes per article page, and how many pages go over the budget. */
export function relatedBytes(corpusDir: string): string[] {
  const withDir = build(corpusDir, true)
  const withoutDir = build(corpusDir, false)
  const withBytes = articleBytes(withDir)
  const withoutBytes = articleBytes(withoutDir)
  const added: { id: string; bytes: number }[] = []
  for (const [id, bytes] of withBytes) {
    const base = withoutBytes.get(id)
    if (base !== undefined) added.push({ id, bytes: bytes - base })
  }
  rmSync(join(BENCH_DIR, 'related-bytes'), { recursive: true, force: true })
  if (added.length === 0) return ['- Bytes: no article pages found in the builds']
  const values = added.map((a) => a.bytes)
  const over = added.filter((a) => a.bytes > BUDGET).sort((a, b) => b.bytes - a.bytes)
  const worst = over
    .slice(0, 3)
    .map((a) => `${a.id} +${a.bytes} B`)
    .join(', ')
  return [
    `- Bytes added per article page (canonical HTML + data file, gzip -9, with minus without, ${added.length} pages): median ${median(values)} B, p90 ${percentile(values, 90)} B, max ${Math.max(...values)} B.`,
    `- Over the ${BUDGET} B budget: ${over.length} of ${added.length}${worst ? ` (worst: ${worst})` : ''}.`,
  ]
}
