-- The intent classifier's own class probabilities behind a message's intent, {"billing": p, …} (its
-- most likely classes; NULL from a classifier that gives none, e.g. the LLM). A label-dependent count
-- spreads each message's doubt about its intent over the other intents in proportion to these, so a
-- message read 0.9 delivery and 0.08 billing lends its doubt to billing, not evenly to every intent.
ALTER TABLE enrichments ADD COLUMN intent_probs jsonb;
