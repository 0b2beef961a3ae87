-- The day a story entry's lede says it reports on («لهذا اليوم»: src/stories/days.ts), as
-- Saudi calendar day numbers, space-separated; '' when it names none. Two daily reports
-- (the weather) naming different days share no edge (src/stories/stable.ts, edgeOf), so the
-- edge function needs it for every held entry. Entries grouped before this migration keep
-- '' (no day): their edges were computed already, and an arrival's edge to one of them is
-- computed as if that entry named no day.
ALTER TABLE story_entries ADD COLUMN days TEXT NOT NULL DEFAULT '';
