import { View } from '@tarojs/components';
import { NoticeText } from '@/features/privacy';
import './index.scss';

/** The whole privacy notice. It needs no sign-in: anyone may read it before agreeing to anything. */
export default function PrivacyNoticePage() {
  return (
    <View className='screen'>
      <View className='card'>
        <NoticeText />
      </View>
    </View>
  );
}
