-- What the suggester said about a run's drafts as a whole (no past reply in the customer's language; no
-- past reply or article to the message's subject). The console showed it; the Chatwoot note and the
-- dashboard app, which read a run's drafts back from the store, could not. Null when there was none.
ALTER TABLE auto_drafts ADD COLUMN IF NOT EXISTS note text;
