/** A text field of a submitted form; empty when missing (a file field never is one here). */
export function textField(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
