-- Reply assist: knowledge articles (chunked and embedded for grounding), suggestions and their feedback.
CREATE TABLE knowledge_articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  external_id text,
  title text NOT NULL,
  body text NOT NULL,
  language text,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX knowledge_articles_external ON knowledge_articles (workspace_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX knowledge_articles_recent ON knowledge_articles (workspace_id, updated_at DESC);

-- A workspace's knowledge base is small (hundreds to a few thousand chunks), so chunks are searched
-- exactly inside (workspace, model) rather than through an HNSW index: exact is always correct and, at
-- that size, a few milliseconds. `embedding` stays NULL until the worker has embedded the chunk.
CREATE TABLE knowledge_chunks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL,
  article_id uuid NOT NULL REFERENCES knowledge_articles(id) ON DELETE CASCADE,
  ord int NOT NULL,
  text text NOT NULL,
  model text,
  embedding vector,
  UNIQUE (article_id, ord)
);
CREATE INDEX knowledge_chunks_workspace ON knowledge_chunks (workspace_id, model);

CREATE TABLE suggestions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  -- The customer message the draft answers; accepted finals are found again through it.
  message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
  text text NOT NULL,
  approach text NOT NULL,
  confidence real NOT NULL,
  language text,
  channel text NOT NULL,
  mode text NOT NULL,
  sources jsonb NOT NULL DEFAULT '[]',
  feedback text CHECK (feedback IN ('accepted', 'edited', 'rejected')),
  final_text text,
  edit_distance real,
  feedback_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestions_conversation ON suggestions (workspace_id, conversation_id, created_at DESC);
CREATE INDEX suggestions_feedback ON suggestions (workspace_id, feedback_at) WHERE feedback IS NOT NULL;
CREATE INDEX suggestions_finals ON suggestions (message_id) WHERE feedback IN ('accepted', 'edited');
