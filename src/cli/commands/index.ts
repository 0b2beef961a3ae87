/** Every CLI command, in help order. Add one line per command module. */
import type { Command } from 'commander';
import { registerParse } from './parse.ts';
import { registerImport } from './import.ts';
import { registerSearch } from './search.ts';
import { registerServe } from './serve.ts';
import { registerSources } from './sources.ts';
import { registerArticle } from './article.ts';
import { registerStories } from './stories.ts';
import { registerRelated } from './related.ts';
import { registerEntity } from './entity.ts';
import { registerWorker } from './worker.ts';
import { registerMigrate } from './migrate.ts';

export const COMMANDS: Array<(program: Command) => void> = [registerParse, registerImport, registerSearch, registerServe, registerSources, registerArticle, registerStories, registerRelated, registerEntity, registerWorker, registerMigrate];
