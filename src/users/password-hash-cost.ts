/** The library's default argon2id memory per hash (64 MiB), well above OWASP's floor. */
export const DEFAULT_HASH_MEMORY_KIB = 65_536;

/** OWASP's password storage cheat sheet: argon2id with at least 19 MiB; production refuses less. */
export const OWASP_ARGON2ID_MIN_KIB = 19_456;
