-- Console sign-in: an API key is exchanged once for a browser session. Only hashes are stored: the
-- session token lives in an HttpOnly cookie, and the key itself is never kept after sign-in.
CREATE TABLE console_sessions (
  token_hash text PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key_id uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
CREATE INDEX console_sessions_workspace ON console_sessions (workspace_id);
