-- A person's UI language (issue 12): 'ar' or 'en', chosen on the settings page; NULL (the
-- default) follows the browser (the `lang` cookie, then Accept-Language, then Arabic).
ALTER TABLE users ADD COLUMN lang TEXT;
