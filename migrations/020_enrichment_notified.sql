-- The labels last told to conversation.enriched subscribers, per message ("sentiment|intent|needs
-- reply|urgency|language"). Relabelling (an upgrade, `PUT /v1/taxonomy?reclassify=true`) sent the event
-- again for every message, changed or not; a message whose labels are what subscribers were told is
-- left out of the next event. Null until a subscriber was first told.
ALTER TABLE enrichments ADD COLUMN IF NOT EXISTS notified_labels text;
