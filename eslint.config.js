// @ts-check
import config from '@xxgk/eslint-config';

export default [...config, { name: 'xxgk/root-ignores', ignores: ['packages/**', 'apps/**', 'tooling/**', 'bench/**'] }];
