import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { routes } from '@/lib/routes';
import { AGREE_BUTTON_ID, answerPrivacy, onPrivacyRequest } from '../model/gate';
import { NoticeText } from './NoticeText';

/**
 * The privacy authorisation popup, shown before the first privacy-relevant use (choosing photos): the
 * purposes and the data, a link to the whole notice, and 同意 / 不同意. In WeChat the agree button is
 * `open-type="agreePrivacyAuthorization"`, which the platform checks was tapped. Ids: `#privacy-popup`,
 * `#privacy-agree`, `#privacy-disagree`, `#privacy-read-all`.
 */
export function PrivacyPopup() {
  const [open, setOpen] = useState(false);
  useEffect(() => onPrivacyRequest(setOpen), []);
  if (!open) return null;
  return (
    <View className='privacy-popup'>
      <View className='privacy-popup__sheet' id='privacy-popup'>
        <Text className='privacy-popup__title'>使用前请阅读隐私说明</Text>
        <NoticeText sections={['purposes', 'kinds']} />
        <View className='privacy-popup__link' id='privacy-read-all' onClick={() => void Taro.navigateTo({ url: routes.privacyNotice() })}>
          查看完整隐私说明（保存期限、您的权利、联系方式）›
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button id={AGREE_BUTTON_ID} className='btn btn--primary btn--block' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacy(true)}>
            同意并继续
          </Button>
        ) : (
          <ActionButton id={AGREE_BUTTON_ID} kind='primary' block onClick={() => answerPrivacy(true)}>
            同意并继续
          </ActionButton>
        )}
        <ActionButton id='privacy-disagree' block onClick={() => answerPrivacy(false)}>
          不同意（不选照片，继续填写）
        </ActionButton>
      </View>
    </View>
  );
}
