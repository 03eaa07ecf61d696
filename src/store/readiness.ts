// What /ready reports about the database: reachable, which backend, and how deep the job queue is.
import type { Db } from './db.ts'
import { jobsRepo } from './jobs.ts'

export async function databaseReadiness(db: Db): Promise<{ kind: Db['kind']; queue: { queued: number; running: number; failed: number } }> {
  await db.query('SELECT 1')
  return { kind: db.kind, queue: await jobsRepo(db).depth() }
}
