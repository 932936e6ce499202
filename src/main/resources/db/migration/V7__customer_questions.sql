-- When the customer was asked a question still unanswered (PROCEDURE.md P-3.2, P-6.3).
ALTER TABLE ticket ADD COLUMN question_asked_at DATETIME(3) NULL;
