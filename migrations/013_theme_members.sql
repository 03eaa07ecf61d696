-- Which customer messages make up each weekly theme snapshot, so a question ("how many messages about
-- wifi?") or the inbox can filter by a theme's members rather than by the words of its label. A
-- message is a member of at most one theme, in the week it was sent (context weeks only help to form
-- clusters). Weeks computed before this migration have no members: theme_runs.members_stored says so,
-- and a filter that needs such a week computes it again.
CREATE TABLE theme_members (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  week text NOT NULL,
  theme_id uuid NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  PRIMARY KEY (workspace_id, message_id)
);
CREATE INDEX theme_members_theme ON theme_members (workspace_id, theme_id, week);
CREATE INDEX theme_members_conversation ON theme_members (workspace_id, conversation_id);

ALTER TABLE theme_runs ADD COLUMN members_stored boolean NOT NULL DEFAULT false;
