-- Sentiment may be `uncertain` (the classifier cannot back a class), and every message keeps the
-- calibrated class probabilities behind its label, {"negative": p, "neutral": p, "positive": p}
-- summing to 1, so a count can be estimated by summing them rather than by counting labels.
ALTER TABLE enrichments DROP CONSTRAINT IF EXISTS enrichments_sentiment_check;
ALTER TABLE enrichments ADD CONSTRAINT enrichments_sentiment_check
  CHECK (sentiment IN ('negative', 'neutral', 'positive', 'uncertain'));
ALTER TABLE enrichments ADD COLUMN sentiment_probs jsonb;
