-- Classifier output per message and the human corrections that retrain it.
CREATE TABLE enrichments (
  message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL,
  sentiment text CHECK (sentiment IN ('negative', 'neutral', 'positive')),
  sentiment_score real,
  sentiment_confidence real,
  intent text,
  intent_confidence real,
  language text,
  language_confidence real,
  needs_reply boolean,
  urgency text,
  reasons text[] NOT NULL DEFAULT '{}',
  versions jsonb NOT NULL DEFAULT '{}',
  degraded boolean NOT NULL DEFAULT false,
  degraded_reason text,
  content_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enrichments_workspace ON enrichments (workspace_id, sentiment, intent);

CREATE TABLE corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('sentiment', 'intent')),
  label text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (message_id, field)
);
CREATE INDEX corrections_workspace ON corrections (workspace_id, field);

CREATE TABLE conversation_summaries (
  conversation_id uuid PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL,
  summary text NOT NULL,
  wanted text,
  done text,
  open text,
  version text NOT NULL,
  degraded boolean NOT NULL DEFAULT false,
  content_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
