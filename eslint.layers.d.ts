// Types of eslint.layers.js (for test/layers.test.ts).
import type { Linter } from 'eslint';

export declare const LAYERS: Record<string, string[]>;
export declare function layerConfigs(): Linter.Config[];
