import { useEffect, useState } from 'react';
import type { Failure, Result } from '@shared/core/result';
import type { Reply } from '@/api';
import { withoutField } from '@/lib/fields';

/**
 * A form's field errors, its failure banner and its sending state, for a form with photo uploads:
 * edits clear their field's error, a failed upload blocks submitting, and the server's field
 * errors show next to the fields.
 */
export function useSubmitForm(photos: { failed: boolean }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!photos.failed) setErrors((e) => withoutField(e, 'photos'));
  }, [photos.failed]);

  /** A setter that also clears the field's error once the person changes it. */
  const edited =
    <V>(field: string, set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setErrors((e) => withoutField(e, field));
    };

  /** Checks the input here, sends it, and hands over what the server replies when it succeeds. */
  const submit = async <T, R>(check: () => Result<T>, send: (input: T) => Promise<Reply<R>>, done: (data: R) => void) => {
    setFailure(null);
    if (photos.failed) return setErrors((e) => ({ ...e, photos: '有照片没有传上去，请点照片重试或删除后再提交' }));
    const checked = check();
    if (!checked.ok) return setErrors(checked.fields ?? {});
    setErrors({});
    setSending(true);
    const reply = await send(checked.data);
    setSending(false);
    if (reply.ok) return done(reply.data);
    setFailure(reply);
    setErrors(reply.fields ?? {});
  };

  return { errors, failure, sending, edited, submit };
}
