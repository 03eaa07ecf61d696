import { openDb } from '../src/store/open-db.ts'
const db = await openDb({ dataDir: '/tmp/ux/s18' })
const { rows } = await db.query(`WITH last AS (SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.role FROM messages m ORDER BY m.conversation_id, m.sent_at DESC, m.id DESC)
SELECT c.channel, count(*) FILTER (WHERE l.role = 'customer') AS awaiting, count(*) AS total FROM conversations c JOIN last l ON l.conversation_id = c.id GROUP BY c.channel ORDER BY 2 DESC`)
console.log(rows)
await db.close()
