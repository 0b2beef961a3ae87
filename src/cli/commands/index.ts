/** Every CLI command, in help order. Add one line per command module. */
import type { Command } from 'commander';
import { registerParse } from './parse.ts';

export const COMMANDS: Array<(program: Command) => void> = [registerParse];
