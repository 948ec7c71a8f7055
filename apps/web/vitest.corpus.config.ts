import corpus from '@xxgk/vitest-config/corpus';
import { defineProject, mergeConfig } from 'vitest/config';

export default mergeConfig(corpus, defineProject({ test: { name: 'web:corpus' } }));
