-- A human correction replaces a message's sentiment or intent, but the classifier's own prediction is
-- what the correction measures: kept here, next to the corrected label, so the confusion of the
-- classifier can be measured on corrected messages and label-dependent counts corrected for it.
-- Written once, when a field is first corrected (a later re-classification may have seen the
-- correction as an example, so it would no longer be an honest prediction); NULL when never corrected.
ALTER TABLE enrichments ADD COLUMN predicted_sentiment text;
ALTER TABLE enrichments ADD COLUMN predicted_sentiment_probs jsonb;
ALTER TABLE enrichments ADD COLUMN predicted_intent text;
ALTER TABLE enrichments ADD COLUMN predicted_intent_confidence real;
