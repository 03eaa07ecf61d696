-- Weekly themes: a theme is a stable identity across weeks, a snapshot is what it looked like in one
-- ISO week. Renames (manual_label) and merges (merged_into) are made by people and survive re-runs.
CREATE TABLE themes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  label text NOT NULL,
  manual_label text,
  merged_into uuid REFERENCES themes(id) ON DELETE SET NULL,
  created_week text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX themes_workspace ON themes (workspace_id);

CREATE TABLE theme_snapshots (
  theme_id uuid NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL,
  week text NOT NULL,
  label text NOT NULL,
  description text NOT NULL,
  volume int NOT NULL,
  conversations int NOT NULL,
  share real NOT NULL,
  sentiment jsonb NOT NULL DEFAULT '{}',
  intents jsonb NOT NULL DEFAULT '[]',
  channels jsonb NOT NULL DEFAULT '[]',
  trend text NOT NULL CHECK (trend IN ('new', 'rising', 'steady', 'falling')),
  change_pct real,
  spike boolean NOT NULL DEFAULT false,
  keyphrases text[] NOT NULL DEFAULT '{}',
  model text NOT NULL,
  centroid vector NOT NULL,
  exemplars jsonb NOT NULL DEFAULT '[]',
  version text NOT NULL,
  degraded boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (theme_id, week)
);
CREATE INDEX theme_snapshots_week ON theme_snapshots (workspace_id, week);

-- One row per computed (workspace, week), also for weeks without messages, so a week is computed once
-- unless someone asks for a re-run.
CREATE TABLE theme_runs (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  week text NOT NULL,
  model text NOT NULL,
  messages int NOT NULL,
  clustered int NOT NULL,
  themes int NOT NULL,
  mode text NOT NULL,
  degraded boolean NOT NULL DEFAULT false,
  duration_ms int NOT NULL DEFAULT 0,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, week)
);
