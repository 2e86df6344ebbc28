import { customType } from 'drizzle-orm/pg-core';

/** Ciphertext and hashes are raw bytes; drizzle has no built-in bytea. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});
