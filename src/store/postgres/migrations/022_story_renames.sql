-- Stories are renamed by the order-independent grouping (named after their earliest
-- article: an earlier copy or a merge renames them). When a story name goes, the read marks
-- under it move to the story its named article is in now (store/*/stories.ts deleteStory),
-- found through this index.
CREATE INDEX story_reads_story ON story_reads (story_id);
