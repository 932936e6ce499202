-- A ticket marked a major incident (PROCEDURE.md P-5.6).
ALTER TABLE ticket ADD COLUMN major BOOLEAN NOT NULL DEFAULT FALSE;
