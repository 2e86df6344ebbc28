import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 /* Argon2id; the package's enum is an ambient const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

let dummyHash: Promise<string> | null = null;

/** Verifies against a real hash even for unknown users, so timing reveals nothing. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('tend-dummy-password-for-timing');
  const target = passwordHash ?? (await dummyHash);
  const valid = await verify(target, password).catch(() => false);
  return valid && passwordHash !== null;
}
