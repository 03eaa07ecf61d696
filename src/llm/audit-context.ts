// Which workspace a remote call is made for. The embedder is shared by all workspaces, so its audit
// hook reads the workspace from the async context that the stage or the route opened.
import { AsyncLocalStorage } from 'node:async_hooks'

const storage = new AsyncLocalStorage<{ workspaceId: string }>()

export function runForWorkspace<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ workspaceId }, fn)
}

export function currentWorkspaceId(): string | undefined {
  return storage.getStore()?.workspaceId
}
