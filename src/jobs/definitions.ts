/** Every job Marsad runs, declared once. Handlers are bound in jobs/handlers.ts. */
import { z } from 'zod';
import type { JobDef } from './types.ts';

const pollSource = z.object({ sourceId: z.string().min(1), url: z.string().url() });
const fetchPage = z.object({ url: z.string().url(), via: z.string().nullable().optional() });
const processArticles = z.object({ name: z.string(), articles: z.array(z.record(z.string(), z.unknown())).max(1000) });

export const POLL_SOURCE: JobDef<typeof pollSource> = {
  name: 'poll-source',
  schema: pollSource,
  retry: { limit: 0, delaySec: 0 }, // the scheduler's backoff (per source, in its state) replaces queue retries
  key: (p) => `poll:${p.sourceId}`,
  timeoutSec: 120,
};

export const FETCH_PAGE: JobDef<typeof fetchPage> = {
  name: 'fetch-page',
  schema: fetchPage,
  retry: { limit: 3, delaySec: 60 },
  key: (p) => `page:${p.url}`,
  timeoutSec: 120,
};

export const PROCESS_ARTICLES: JobDef<typeof processArticles> = {
  name: 'process-articles',
  schema: processArticles,
  retry: { limit: 3, delaySec: 10 },
  key: (p) => `process:${p.name}`,
  timeoutSec: 300,
};

export const JOBS = [POLL_SOURCE, FETCH_PAGE, PROCESS_ARTICLES] as const;
