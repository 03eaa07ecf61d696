-- What a draft was flagged for when it was made, kept with it: the actions it states as done that its
-- conversation did not show (`claims`: refund, sent…) and the steps it tells the customer to take again
-- (`repeats`: restart…). A Chatwoot note, the Chatwoot dashboard app and suggestions.ready read drafts
-- back from here, and showed them without the warnings the console gives.
ALTER TABLE suggestions ADD COLUMN IF NOT EXISTS claims jsonb NOT NULL DEFAULT '[]';
ALTER TABLE suggestions ADD COLUMN IF NOT EXISTS repeats jsonb NOT NULL DEFAULT '[]';
