/**
 * Written into the worker by scripts/site/plugins/service-worker.ts when the site is built: the
 * shape of ServiceWorkerBuild (cache-plan.ts), which that plugin checks it against.
 */
declare module 'virtual:service-worker-build' {
  export const build: { version: string; dataVersion: string; precache: string[] }
}
