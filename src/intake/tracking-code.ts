import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: the code is read over the phone and typed from paper receipts. */
const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random 10-character code (~49 bits) the citizen needs, with the number, to see the status. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}
