import config from '@xxgk/eslint-config';

export default [...config, { name: 'xxgk/bench', rules: { 'no-console': 'off' } }];
