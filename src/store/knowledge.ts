// Knowledge articles and their chunks. Articles are written by the API; the worker embeds chunks
// (KNOWLEDGE_EMBED_JOB) so a slow embedding model never holds up the request.
import type { Queryable } from './db.ts'
import { toVectorLiteral } from './db.ts'
import { modelLiteral } from './embeddings.ts'

export const KNOWLEDGE_EMBED_JOB = 'knowledge.embed'
export const CHUNK_TARGET_CHARS = 800
export const CHUNK_MIN_CHARS = 500
export const KNOWLEDGE_EMBED_BATCH = 64

export interface ArticleInput {
  externalId?: string | null
  title: string
  body: string
  language?: string | null
  tags?: string[]
}

export interface Article {
  id: string
  externalId: string | null
  title: string
  body: string
  language: string | null
  tags: string[]
  chunks: number
  createdAt: string
  updatedAt: string
}

/** One word of a question found in a chunk (knowledgeRepo.termMatches). */
export interface TermMatch {
  chunkId: string
  word: string
  count: number
  inTitle: boolean
  /** The chunk's length in words. */
  length: number
  /** The chunk's article has no language: the word was matched unstemmed. */
  plain: boolean
}

export interface TermMatches {
  /** The question's words, stemmed in its language; `plainWords` as written. */
  words: string[]
  plainWords: string[]
  chunks: number
  averageLength: number
  matches: TermMatch[]
}

export interface KnowledgeHit {
  chunkId: string
  articleId: string
  title: string
  text: string
  language: string | null
  score: number
}

function sentences(text: string): string[] {
  return [...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)].map((s) => s.segment)
}

/**
 * Splits an article into passages of about CHUNK_MIN_CHARS..CHUNK_TARGET_CHARS on paragraph and then
 * sentence boundaries, so a retrieved passage reads as whole sentences and can be quoted as a source.
 */
export function chunkText(body: string, target = CHUNK_TARGET_CHARS, min = CHUNK_MIN_CHARS): string[] {
  const pieces: string[] = []
  for (const paragraph of body.replace(/\r\n/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
    if (paragraph.length <= target) {
      pieces.push(paragraph)
      continue
    }
    let current = ''
    for (const sentence of sentences(paragraph)) {
      if (current && (current + sentence).length > target) {
        pieces.push(current.trim())
        current = ''
      }
      // A single sentence longer than the target is cut at a word boundary rather than left whole.
      let rest = sentence
      while (rest.length > target) {
        const cut = rest.lastIndexOf(' ', target) > 0 ? rest.lastIndexOf(' ', target) : target
        pieces.push(rest.slice(0, cut).trim())
        rest = rest.slice(cut)
      }
      current += rest
    }
    if (current.trim()) pieces.push(current.trim())
  }
  const chunks: string[] = []
  for (const piece of pieces) {
    const last = chunks[chunks.length - 1]
    if (last !== undefined && (last.length < min || piece.length < min / 2) && last.length + piece.length + 2 <= target) {
      chunks[chunks.length - 1] = `${last}\n\n${piece}`
    } else chunks.push(piece)
  }
  return chunks
}

const ARTICLE_COLUMNS = `a.id, a.external_id AS "externalId", a.title, a.body, a.language, a.tags,
  (SELECT count(*)::int FROM knowledge_chunks k WHERE k.article_id = a.id) AS chunks,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`

function toArticle(row: Article): Article {
  return { ...row, createdAt: new Date(row.createdAt).toISOString(), updatedAt: new Date(row.updatedAt).toISOString() }
}

export function knowledgeRepo(db: Queryable) {
  async function replaceChunks(workspaceId: string, articleId: string, body: string) {
    await db.query(`DELETE FROM knowledge_chunks WHERE workspace_id = $1 AND article_id = $2`, [workspaceId, articleId])
    const chunks = chunkText(body)
    if (chunks.length === 0) return
    // Words are stemmed as the article's language says (migrations/022_knowledge_search.sql); the title weighs as a heading.
    await db.query(
      `INSERT INTO knowledge_chunks (workspace_id, article_id, ord, text, search)
       SELECT $1, $2, u.ord, u.text, setweight(to_tsvector(parley_text_config(a.language), a.title), 'A') || to_tsvector(parley_text_config(a.language), u.text)
       FROM unnest($3::int[], $4::text[]) AS u(ord, text) JOIN knowledge_articles a ON a.id = $2`,
      [workspaceId, articleId, chunks.map((_, i) => i), chunks],
    )
  }

  return {
    /** Inserts, or updates the article with the same externalId; returns it and whether it was new. */
    async upsert(workspaceId: string, input: ArticleInput): Promise<{ article: Article; created: boolean }> {
      const { rows } = await db.query<{ id: string; created: boolean }>(
        `INSERT INTO knowledge_articles AS a (workspace_id, external_id, title, body, language, tags)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (workspace_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
           title = excluded.title, body = excluded.body, language = excluded.language, tags = excluded.tags, updated_at = now()
         RETURNING id, (xmax = 0) AS created`,
        [workspaceId, input.externalId ?? null, input.title, input.body, input.language ?? null, input.tags ?? []],
      )
      await replaceChunks(workspaceId, rows[0].id, input.body)
      return { article: (await this.get(workspaceId, rows[0].id))!, created: rows[0].created }
    },
    async update(workspaceId: string, id: string, input: ArticleInput): Promise<Article | undefined> {
      const res = await db.query(
        `UPDATE knowledge_articles SET external_id = $3, title = $4, body = $5, language = $6, tags = $7, updated_at = now()
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id, input.externalId ?? null, input.title, input.body, input.language ?? null, input.tags ?? []],
      )
      if (res.rowCount === 0) return undefined
      await replaceChunks(workspaceId, id, input.body)
      return this.get(workspaceId, id)
    },
    async get(workspaceId: string, id: string): Promise<Article | undefined> {
      const { rows } = await db.query<Article>(`SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles a WHERE a.workspace_id = $1 AND a.id = $2`, [workspaceId, id])
      return rows[0] ? toArticle(rows[0]) : undefined
    },
    async list(workspaceId: string, limit: number, tag?: string): Promise<Article[]> {
      const { rows } = await db.query<Article>(
        `SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles a WHERE a.workspace_id = $1 AND ($3::text IS NULL OR $3 = ANY(a.tags))
         ORDER BY a.updated_at DESC, a.id LIMIT $2`,
        [workspaceId, limit, tag ?? null],
      )
      return rows.map(toArticle)
    },
    async remove(workspaceId: string, id: string): Promise<boolean> {
      const res = await db.query(`DELETE FROM knowledge_articles WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
      return res.rowCount > 0
    },
    /** Chunks without a current vector for `model` (new, edited, or embedded by another model). */
    async chunksToEmbed(workspaceId: string, model: string, limit: number) {
      const { rows } = await db.query<{ id: string; text: string; title: string }>(
        `SELECT k.id, k.text, a.title FROM knowledge_chunks k JOIN knowledge_articles a ON a.id = k.article_id
         WHERE k.workspace_id = $1 AND (k.model IS DISTINCT FROM $2 OR k.embedding IS NULL) ORDER BY k.id LIMIT $3`,
        [workspaceId, model, limit],
      )
      return rows
    },
    async writeChunkVectors(workspaceId: string, model: string, ids: string[], vectors: Float32Array[]): Promise<void> {
      await db.query(
        `UPDATE knowledge_chunks k SET model = $2, embedding = u.v::vector
         FROM unnest($3::uuid[], $4::text[]) AS u(id, v) WHERE k.workspace_id = $1 AND k.id = u.id`,
        [workspaceId, model, ids, vectors.map(toVectorLiteral)],
      )
    },
    /** Exact cosine top-k over the workspace's chunks embedded by `model` (see migrations/004_replies.sql). */
    async search(workspaceId: string, model: string, query: Float32Array, k: number): Promise<KnowledgeHit[]> {
      const { rows } = await db.query<KnowledgeHit>(
        `SELECT k.id AS "chunkId", k.article_id AS "articleId", a.title, k.text, a.language, 1 - (k.embedding <=> $2::vector) AS score
         FROM knowledge_chunks k JOIN knowledge_articles a ON a.id = k.article_id
         WHERE k.workspace_id = $1 AND k.model = ${modelLiteral(model)} AND k.embedding IS NOT NULL
         ORDER BY k.embedding <=> $2::vector LIMIT $3`,
        [workspaceId, toVectorLiteral(query), k],
      )
      return rows.map((r) => ({ ...r, score: Number(r.score) }))
    },
    /** These chunks with their cosine to `query` (0 while a chunk has no vector of `model` yet). */
    async chunksByIds(workspaceId: string, model: string, query: Float32Array, ids: string[]): Promise<KnowledgeHit[]> {
      if (ids.length === 0) return []
      const { rows } = await db.query<KnowledgeHit>(
        `SELECT k.id AS "chunkId", k.article_id AS "articleId", a.title, k.text, a.language,
           CASE WHEN k.model = ${modelLiteral(model)} AND k.embedding IS NOT NULL THEN 1 - (k.embedding <=> $2::vector) ELSE 0 END AS score
         FROM knowledge_chunks k JOIN knowledge_articles a ON a.id = k.article_id
         WHERE k.workspace_id = $1 AND k.id = ANY($3::uuid[])`,
        [workspaceId, toVectorLiteral(query), ids],
      )
      return rows.map((r) => ({ ...r, score: Number(r.score) }))
    },
    /**
     * What full-text search knows of `text` in `language`: its words as the store stems them, how many
     * chunks there are and how long they are on average, and each occurrence of those words in the chunks
     * of that language (or of articles without one, compared word for word), with its count and whether
     * the article's title has it. Scoring is the caller's (chains/replies/knowledge-search.ts).
     */
    async termMatches(workspaceId: string, language: string, text: string): Promise<TermMatches> {
      // One statement (a round trip to the store per request is what suggestions wait on): the question's
      // words and the counts on every row, with one row per word found in a chunk (or one row of NULLs).
      const { rows } = await db.query<Omit<TermMatches, 'matches'> & { [K in keyof TermMatch]: TermMatch[K] | null }>(
        `WITH q AS (SELECT tsvector_to_array(to_tsvector(parley_text_config($2), $3)) AS words, tsvector_to_array(to_tsvector('simple', $3)) AS plain),
           c AS (SELECT k.id, k.search, a.language FROM knowledge_chunks k JOIN knowledge_articles a ON a.id = k.article_id
                 WHERE k.workspace_id = $1 AND k.search IS NOT NULL),
           stats AS (SELECT count(*)::int AS chunks, coalesce(avg(length(c.search)), 0)::float8 AS "averageLength" FROM c)
         SELECT q.words, q.plain AS "plainWords", stats.chunks, stats."averageLength", m.*
         FROM q CROSS JOIN stats LEFT JOIN LATERAL (
           SELECT c.id AS "chunkId", u.lexeme AS word, cardinality(u.positions) AS count, 'A' = ANY(u.weights) AS "inTitle",
             length(c.search) AS length, c.language IS NULL AS plain
           FROM c CROSS JOIN LATERAL unnest(c.search) u
           WHERE u.lexeme = ANY(CASE WHEN c.language IS NULL THEN q.plain WHEN c.language = $2 THEN q.words ELSE '{}'::text[] END)
         ) m ON true`,
        [workspaceId, language, text],
      )
      const [first] = rows
      const matches = rows.filter((r) => r.chunkId !== null).map((r) => ({
        chunkId: r.chunkId!, word: r.word!, count: r.count!, inTitle: r.inTitle!, length: r.length!, plain: r.plain!,
      }))
      return { words: first?.words ?? [], plainWords: first?.plainWords ?? [], chunks: first?.chunks ?? 0, averageLength: first?.averageLength ?? 0, matches }
    },
  }
}
