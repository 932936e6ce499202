-- A journal line the engine words for a known action (a resolution, a wait, a closure) keeps that
-- wording's key and what the person typed apart from the English sentence in `text`: the customer's
-- pages and emails then say the action in the reader's language (README "Notifications"). NULL in
-- both: the text is shown as written (a rule's own words, a comment).
ALTER TABLE ticket_journal
    ADD COLUMN wording VARCHAR(64) NULL,
    ADD COLUMN note TEXT NULL;
