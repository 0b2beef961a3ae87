/** The alert types live in src/model/alerts.ts (the store implements AlertStore without importing this layer); re-exported for the alerts code. */
export type * from '../model/alerts.ts';
