-- Writing a 200k-message theme week spent a third of its store step (2.3 of ~7 s on PGlite) on the
-- foreign key to messages: one lookup and one row lock per member, a write to every message row. The
-- key's one job, removing a member with its message, is now done by a statement trigger on messages
-- (it also runs for the messages a conversation or workspace delete cascades to), and the weekly run
-- inserts only members whose message still exists (src/store/themes.ts replaceWeek). A message deleted
-- on another connection while a week is being written can leave its member row behind until that
-- week is computed again; the question and inbox filters reach members through their messages and
-- conversations, so such a row matches nothing.
ALTER TABLE theme_members DROP CONSTRAINT IF EXISTS theme_members_message_id_fkey;

CREATE FUNCTION theme_members_forget_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM theme_members tm USING gone WHERE tm.workspace_id = gone.workspace_id AND tm.message_id = gone.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER theme_members_forget_messages AFTER DELETE ON messages
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION theme_members_forget_messages();
