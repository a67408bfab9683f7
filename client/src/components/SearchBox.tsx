import { Input, View } from '@tarojs/components';
import { ActionButton } from './ActionButton';

interface Props {
  /** `#<id>` is the input, `#<id>-submit` the 查找 button */
  id: string;
  value: string;
  placeholder: string;
  /** what is wrong with the text, shown under it and marking the input */
  error?: string;
  errorId?: string;
  busy: boolean;
  onChange: (text: string) => void;
  onSearch: () => void;
}

/** A search field with its 查找 button: typing clears the error, the keyboard's 搜索 key searches too. */
export function SearchBox({ id, value, placeholder, error, errorId, busy, onChange, onSearch }: Props) {
  return (
    <>
      <View className='search-box'>
        <Input
          id={id}
          className={error ? 'search-box__input search-box__input--invalid' : 'search-box__input'}
          value={value}
          placeholder={placeholder}
          confirmType='search'
          maxlength={40}
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onSearch}
        />
        <ActionButton small kind='primary' busy={busy} onClick={onSearch} id={`${id}-submit`}>
          查找
        </ActionButton>
      </View>
      {error ? (
        <View className='field__error' id={errorId}>
          {error}
        </View>
      ) : null}
    </>
  );
}
