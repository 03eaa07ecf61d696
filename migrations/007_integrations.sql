-- Helpdesk connections (Chatwoot), their inbound webhook receipts and write-backs, and outbound webhooks.

-- Secrets (API tokens, webhook secrets) are stored AES-256-GCM encrypted (src/safety/secret-box.ts);
-- the plain value never reaches the database or an API response.
CREATE TABLE integration_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('chatwoot')),
  base_url text NOT NULL,
  account_id int NOT NULL,
  secrets text NOT NULL,
  options jsonb NOT NULL DEFAULT '{}',
  last_synced_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX integration_connections_workspace ON integration_connections (workspace_id, created_at);

-- Delivery ids already accepted: a replayed delivery is refused. Old rows only need to outlive the
-- accepted timestamp window, so they are purged after a day.
CREATE TABLE integration_receipts (
  workspace_id uuid NOT NULL,
  connection_id uuid NOT NULL REFERENCES integration_connections(id) ON DELETE CASCADE,
  delivery_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, delivery_id)
);
CREATE INDEX integration_receipts_age ON integration_receipts (received_at);

-- Refused webhooks and write-back outcomes: what happened at the boundary is answerable. No message text.
CREATE TABLE integration_audit (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL,
  connection_id uuid,
  event text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX integration_audit_workspace ON integration_audit (workspace_id, created_at DESC);

-- One draft run per customer message (suggestions.ready and notes come from it), whatever re-enriches it.
CREATE TABLE auto_drafts (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'drafted', 'skipped')),
  suggestion_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id)
);

-- One private note per customer message and connection: the key that makes write-back idempotent.
CREATE TABLE chatwoot_notes (
  workspace_id uuid NOT NULL,
  connection_id uuid NOT NULL REFERENCES integration_connections(id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'posted', 'skipped', 'failed')),
  chatwoot_message_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, message_id)
);

CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  url text NOT NULL,
  events text[] NOT NULL,
  secret text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  disabled_reason text,
  -- Set at the first failure after a success; a subscription failing for long enough is disabled.
  failing_since timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_workspace ON webhook_subscriptions (workspace_id) WHERE enabled;

-- The delivery log: the id is the Standard Webhooks `webhook-id`, stable across retries and redeliveries.
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  workspace_id uuid NOT NULL,
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  last_status_code int,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Retries stop this long after it (WEBHOOK_RETRY_WINDOW_MS); a manual redelivery starts a new window.
  window_from timestamptz NOT NULL DEFAULT now(),
  first_attempt_at timestamptz,
  last_attempt_at timestamptz,
  delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (workspace_id, subscription_id, created_at DESC);
