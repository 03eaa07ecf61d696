-- How many of the week's customer messages had a vector when its themes were computed: a week whose
-- messages arrived (or were embedded) after its run is computed again when a report or a question needs
-- it. The demo store's W47 report said 4 messages after 227 more had been imported into that week.
-- NULL for runs before this migration: they are compared by their message count.
ALTER TABLE theme_runs ADD COLUMN embedded int;
