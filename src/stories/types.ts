/**
 * The grouping state's interfaces (`StoryIndex`, `RelatedSource`) and records: declared in
 * src/model/stories.ts, since the stores implement them too; re-exported here for the
 * stories code that uses them.
 */
export type { CandidateQuery, Story, StoryEdge, EdgeIndex, StoryEntry, StoryIndex, RelatedCandidate, RelatedSource, RelatedStore, RelatedList, RelatedItem } from '../model/stories.ts';
