/**
 * What the web needs for alerts: the alerts store (src/alerts/types.ts), a deliverer for
 * test deliveries (optional: without one the admin's «test» button is not shown), and the
 * reader for sample articles and for resolving an entity filter to its id.
 */
import type { AlertDeliverer } from '../../alerts/deliver.ts';
import type { AlertStore, NewAlert, Alert } from '../../alerts/types.ts';
import { makeAlert, type UrlChecker } from '../../alerts/model.ts';
import type { ReaderStore } from '../types.ts';

export interface AlertsWeb {
  store: AlertStore;
  deliverer?: AlertDeliverer | null;
  reader: Pick<ReaderStore, 'search' | 'getArticle' | 'getEntity'>;
}

/** Validates and stores a new alert (an entity filter stored by its id when known). */
export async function createAlert(deps: AlertsWeb, input: NewAlert, guard: UrlChecker): Promise<Alert> {
  const entity = input.entity ? ((await deps.reader.getEntity(input.entity))?.id ?? input.entity) : null;
  return deps.store.createAlert(makeAlert({ ...input, entity }, guard));
}

export const feedPath = (id: string) => `/alerts/${encodeURIComponent(id)}/feed.atom`;
