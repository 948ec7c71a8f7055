import base from '@xxgk/vitest-config/base';
import { defineProject, mergeConfig } from 'vitest/config';

// Workspace packages run from their built dist as Node loads them (one graphql instance, as in production).
export default mergeConfig(base, defineProject({ test: { name: 'cli', server: { deps: { external: [/\/dist\//] } } } }));
