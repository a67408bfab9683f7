/** A random id a form sends with its submission, so that a retried submission is not stored twice. */
export function newRequestId(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}-${rand()}${rand()}`;
}
