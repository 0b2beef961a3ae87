/**
 * The Story record and its three updates: create from a first article, add an article,
 * merge several stories into one. Works through the StoryIndex only.
 *
 * Contract: a story's title, firstSeen, originalId and originalOutlet are those of its
 * earliest article (publication time, ties broken by the smaller article id), so they do
 * not depend on which copy arrived first; a merge keeps the id of the story whose
 * original is earliest and deletes the others after moving their articles.
 */
import type { Story, StoryEntry, StoryIndex } from './types.ts';

const iso = (t: number): string => new Date(Number.isFinite(t) ? t : 0).toISOString();

function isEarlier(t: number, id: string, s: Story): boolean {
  const st = Date.parse(s.firstSeen);
  return t < st || (t === st && id < s.originalId);
}

export function newStory(e: StoryEntry): Story {
  return {
    id: e.storyId,
    title: e.title,
    firstSeen: iso(e.time),
    outlets: e.outlet ? [e.outlet] : [],
    articleIds: [e.id],
    originalOutlet: e.outlet,
    originalId: e.id,
  };
}

/** Adds an entry to its story (creating the story when the index has none). */
export async function storyAdd(index: StoryIndex, storyId: string, e: StoryEntry): Promise<void> {
  const s = await index.getStory(storyId);
  if (!s) {
    await index.putStory(newStory({ ...e, storyId }));
    return;
  }
  if (!s.articleIds.includes(e.id)) s.articleIds.push(e.id);
  const first = isEarlier(e.time, e.id, s);
  if (e.outlet && !s.outlets.includes(e.outlet)) {
    if (first) s.outlets.unshift(e.outlet);
    else s.outlets.push(e.outlet);
  }
  if (first) Object.assign(s, { title: e.title, firstSeen: iso(e.time), originalId: e.id, originalOutlet: e.outlet });
  await index.putStory(s);
}

/** Merges stories into the one with the earliest original; returns the kept id. */
export async function mergeStories(index: StoryIndex, ids: string[]): Promise<string> {
  const stories: Story[] = [];
  for (const id of new Set(ids)) {
    const s = await index.getStory(id);
    if (s) stories.push(s);
  }
  if (stories.length === 0) throw new Error(`stories: none of ${ids.join(', ')} exists`);
  stories.sort((a, b) => (isEarlier(Date.parse(a.firstSeen), a.originalId, b) ? -1 : 1));
  const [keep, ...rest] = stories as [Story, ...Story[]];
  for (const s of rest) {
    await index.updateEntries(s.articleIds, { storyId: keep.id });
    for (const id of s.articleIds) if (!keep.articleIds.includes(id)) keep.articleIds.push(id);
    for (const o of s.outlets) if (!keep.outlets.includes(o)) keep.outlets.push(o);
    await index.deleteStory(s.id);
  }
  if (rest.length) await index.putStory(keep);
  return keep.id;
}
