-- A person's own settings for the console. language: fr or en; time_zone: an IANA zone
-- (Europe/Paris). NULL: as the person's browser says.
-- And the admin's switch: disabled_at, when the user was disabled (NULL: active). A disabled user
-- keeps its name, roles and audit trail but cannot log in, and its sessions end.
ALTER TABLE app_user
    ADD COLUMN language    VARCHAR(8)  NULL,
    ADD COLUMN time_zone   VARCHAR(64) NULL,
    ADD COLUMN disabled_at DATETIME(6) NULL;
