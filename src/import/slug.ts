export { slug } from '../schema/common.js';
