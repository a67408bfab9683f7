import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '@/lib/routes';

/** H5 local mode only: who you are pretending to be, and a way to be someone else. */
export function DevPersonaBar({ name }: { name: string }) {
  if (process.env.TARO_ENV !== 'h5') return null;
  return (
    <View className='dev-bar' id='dev-switch-persona' onClick={() => void Taro.reLaunch({ url: routes.devPersonas() })}>
      <Text>本地开发 · 当前身份：{name}</Text>
      <Text className='dev-bar__link'>切换身份 ›</Text>
    </View>
  );
}
