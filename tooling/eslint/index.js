// @ts-check
import base from './base.js';
import tests from './tests.js';

export { default as rules } from './rules.js';
export default [...base, ...tests];
