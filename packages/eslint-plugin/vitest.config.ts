import base from '@xxgk/vitest-config/base';
import { defineProject, mergeConfig } from 'vitest/config';

export default mergeConfig(base, defineProject({ test: { name: 'eslint-plugin' } }));
