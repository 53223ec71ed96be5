import { parentPort, workerData } from 'node:worker_threads'
import { renderArticlePages, type ArticlePagesJob } from './article-pages.ts'

// workerData is the job the build's thread built for this worker (prerender.ts).
const pages = await renderArticlePages(workerData as ArticlePagesJob)
parentPort?.postMessage(pages)
