import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { paths } from '../../../src/config/paths.ts'
import { isArticleData } from '../../../src/features/articles/api/validate.ts'
import { dataPaths } from '../../../src/lib/corpus/compiled.ts'
import { assemble, jsonLdScripts, loadRenderPage, redirectPage } from './page-html.ts'

export type ArticlePagesJob = {
  outDir: string
  dataDir: string
  ssrEntry: string
  /** The base path without its trailing slash ("" at the root). */
  base: string
  template: string
  /** The feed links every page's head carries. */
  feeds: string
  ids: string[]
}

/**
 * Writes each article's page at its canonical URL and the redirect at its short URL. Runs in the
 * build's own thread for small corpora and in worker threads (worker.ts) for large ones.
 */
export async function renderArticlePages(job: ArticlePagesJob): Promise<number> {
  const renderPage = await loadRenderPage(job.ssrEntry)
  let pages = 0
  for (const id of job.ids) {
    const file = join(job.dataDir, dataPaths.article(id))
    const article: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (!isArticleData(article)) throw new Error(`${file} does not have the expected shape`)
    const path = paths.article(article.id, article.slug)
    const rendered = await renderPage(path, { article })
    if (article.slug === '') {
      // No slug: the short URL is the canonical one, and the page itself.
      mkdirSync(join(job.outDir, 'articles'), { recursive: true })
      writeFileSync(
        join(job.outDir, 'articles', `${article.id}.html`),
        assemble(job.template, rendered, `${job.base}${path}`),
      )
      pages += 1
      continue
    }
    mkdirSync(join(job.outDir, 'articles', article.id), { recursive: true })
    writeFileSync(
      join(job.outDir, 'articles', article.id, `${article.slug}.html`),
      assemble(job.template, rendered, `${job.base}${path}`),
    )
    // The short URL carries the same NewsArticle: a preview bot or crawler may not follow the refresh.
    const jsonLd = jsonLdScripts(rendered.body)
    if (jsonLd.length === 0) throw new Error(`${path} rendered no JSON-LD for its short URL`)
    writeFileSync(
      join(job.outDir, 'articles', `${article.id}.html`),
      redirectPage(`${job.base}${path}`, rendered.head, job.feeds, job.base, jsonLd),
    )
    pages += 2
  }
  return pages
}
