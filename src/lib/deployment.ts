/**
 * Tells whether the site was redeployed since this tab loaded it. The build writes `version.json`
 * (unhashed, never cached: fetched with `no-store`) holding the data version it deployed; a tab
 * whose data or scripts went missing asks it, and when it names another version the tab is
 * running an old build, which a reload replaces.
 */
import { dataVersion } from 'virtual:corpus'
import { fetchJson, isNotFound } from './fetch-json'

/** The file the build writes at the site's root, with the deployed data version. */
export const VERSION_FILE = 'version.json'

export type DeployedVersion = { version: string }

export function isDeployedVersion(value: unknown): value is DeployedVersion {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    typeof value.version === 'string'
  )
}

/** The site has a newer build than the one running in this tab: only a reload helps. */
export class SiteUpdatedError extends Error {
  readonly deployed: string
  constructor(deployed: string) {
    super(`the site was updated (data version ${dataVersion} is now ${deployed})`)
    this.name = 'SiteUpdatedError'
    this.deployed = deployed
  }
}

/** The deployed data version, or null when it cannot be told (offline, no file, a bad file). */
export async function deployedVersion(): Promise<string | null> {
  try {
    const file = await fetchJson(
      `${import.meta.env.BASE_URL}${VERSION_FILE}`,
      isDeployedVersion,
      undefined,
      { cache: 'no-store' },
    )
    return file.version
  } catch {
    return null
  }
}

/** A SiteUpdatedError when the deployed version is not this tab's, else null. */
export async function siteUpdate(): Promise<SiteUpdatedError | null> {
  const deployed = await deployedVersion()
  return deployed !== null && deployed !== dataVersion ? new SiteUpdatedError(deployed) : null
}

/**
 * A failed import() of a script chunk (Chromium, Firefox and Safari word it differently, and
 * Vite's CSS preload adds its own). Chunks are hashed: one that fails to load is gone from the
 * server, or the network failed.
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|module script failed|Importing a module script failed|Unable to preload CSS/i.test(
      error.message,
    )
  )
}

/**
 * What a failed load becomes once the deployment is asked: a data file that is 404 (its versioned
 * folder is gone) or a script chunk that failed, while the server names another version, is a
 * SiteUpdatedError; a chunk that failed while the server answers at all is too (its hashed name is
 * gone: a code-only redeploy keeps the data version). Anything else is returned as it was.
 */
export async function explainLoadFailure(error: unknown): Promise<unknown> {
  if (isNotFound(error)) return (await siteUpdate()) ?? error
  if (isChunkLoadError(error)) {
    const deployed = await deployedVersion()
    return deployed === null ? error : new SiteUpdatedError(deployed)
  }
  return error
}
