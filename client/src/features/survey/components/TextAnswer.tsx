import { Text, Textarea, View } from '@tarojs/components';

const MAX = 500;

/** Free text, up to 500 characters, with a count. */
export function TextAnswer({ id, value, onChange, invalid }: { id: string; value: string; onChange: (text: string) => void; invalid: boolean }) {
  return (
    <View>
      <Textarea
        id={`${id}-text`}
        className={invalid ? 'textarea textarea--invalid' : 'textarea'}
        value={value}
        maxlength={MAX}
        placeholder='请写下您的想法'
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className='field__hint question__count'>
        {value.length}/{MAX}
      </Text>
    </View>
  );
}
