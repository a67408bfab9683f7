import { Text, Textarea, View } from '@tarojs/components';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  max: number;
  error?: string;
  optional?: boolean;
  /** the error line's id, for tests */
  errorId?: string;
}

/** A labelled multi-line text box with a character count and its error under it. */
export function TextField({ id, label, value, onChange, placeholder, max, error, optional, errorId }: Props) {
  return (
    <View className='field'>
      <View className='field__label'>
        <Text>
          {label}
          {optional ? <Text className='field__hint'>（选填）</Text> : null}
        </Text>
        <Text className='field__hint'>
          {value.length}/{max}
        </Text>
      </View>
      <Textarea
        id={id}
        className={error ? 'textarea textarea--invalid' : 'textarea'}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error ? (
        <View className='field__error' id={errorId}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
