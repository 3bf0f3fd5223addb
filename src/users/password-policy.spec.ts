import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short-pass1', 'x.user', 'password.too_short'],
    ['ёжик-в-тумане', 'x.user', null], // 13 characters, counted as characters, not bytes
    ['ёжик-тумане', 'x.user', 'password.too_short'],
    ['a'.repeat(201), 'x.user', 'password.too_long'],
    ['qwerty123456', 'x.user', 'password.common'],
    ['Password1234', 'x.user', 'password.common'],
    ['my-name-is-X.User!', 'x.user', 'password.contains_login'],
    ['correct horse battery', 'x.user', null],
  ])('%s (login %s) → %s', (password, login, code) => {
    expect(passwordProblem(password, login)?.code ?? null).toBe(code);
  });
});
