import config from '@xxgk/eslint-config';

export default config;
