#!/usr/bin/env node
// Launcher: runs the TypeScript CLI directly through tsx, so a clean clone needs only `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
