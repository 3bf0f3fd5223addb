/**
 * The same IIN and phone rules as the service (src/common/validation): the page imports the
 * service's own pure functions, so a citizen sees exactly what the API would say, before sending.
 */
export { iinProblem, type IinProblem } from '../../../src/common/validation/kz-identifiers';
export { kzPhoneProblem, normalizeKzPhone, type KzPhoneProblem } from '../../../src/common/validation/kz-phone';
