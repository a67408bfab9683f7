import { useState } from 'react';
import { View } from '@tarojs/components';
import { FormButtons } from '@/components/FormButtons';
import { TextField } from '@/components/TextField';

interface Props {
  /** ids: `#<id>-text textarea`, `#<id>-submit`, `#<id>-cancel` */
  id: string;
  label: string;
  placeholder: string;
  max: number;
  submitLabel: string;
  kind?: 'primary' | 'danger';
  busy: boolean;
  /** answers the field's error in words, or null when the text will do */
  check: (text: string) => string | null;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}

/** One piece of text for one step on a complaint (a progress note, a proposed resolution). */
export function TextStepForm({ id, label, placeholder, max, submitLabel, kind, busy, check, onCancel, onSubmit }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const problem = check(text);
    if (problem) return setError(problem);
    onSubmit(text.trim());
  };
  return (
    <View className='action-card__form' id={`${id}-form`}>
      <TextField
        id={`${id}-text`}
        label={label}
        value={text}
        onChange={(v) => {
          setText(v);
          setError(undefined);
        }}
        placeholder={placeholder}
        max={max}
        error={error}
      />
      <FormButtons idPrefix={id} submitLabel={submitLabel} kind={kind} busy={busy} onCancel={onCancel} onSubmit={submit} />
    </View>
  );
}
