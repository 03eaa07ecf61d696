-- Why an agent rejected a draft (optional, sent by the web console with a rejection).
ALTER TABLE suggestions ADD COLUMN IF NOT EXISTS feedback_reason text;
