-- A person's own settings for the console. language: fr or en; time_zone: an IANA zone
-- (Europe/Paris). NULL: as the person's browser says.
ALTER TABLE app_user
    ADD COLUMN language  VARCHAR(8)  NULL,
    ADD COLUMN time_zone VARCHAR(64) NULL;
