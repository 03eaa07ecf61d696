-- What left the system is always answerable: one row per LLM or remote-embedding call.
CREATE TABLE llm_calls (
  id bigserial PRIMARY KEY,
  workspace_id uuid,
  purpose text NOT NULL,
  model text NOT NULL,
  prompt_version text,
  input_tokens int NOT NULL DEFAULT 0,
  output_tokens int NOT NULL DEFAULT 0,
  latency_ms int NOT NULL DEFAULT 0,
  outcome text NOT NULL,
  redactions int NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_workspace ON llm_calls (workspace_id, created_at DESC);
