/** The named text fields of a submitted form; a missing field reads as an empty string. */
export function formValues<Field extends string>(event: React.FormEvent<HTMLFormElement>, fields: readonly Field[]): Record<Field, string> {
  event.preventDefault();
  const data = new FormData(event.currentTarget);
  const values = {} as Record<Field, string>;
  for (const field of fields) {
    const value = data.get(field);
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}
