-- A contact's language (fr or en) for its emails and answer pages; NULL: noc.locale's.
ALTER TABLE contact ADD COLUMN language VARCHAR(2) NULL;
