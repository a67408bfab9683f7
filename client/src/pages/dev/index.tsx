import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { choosePersona, currentOpenid } from '@/api';
import { Failed, Loading } from '@/components/StateViews';
import { fetchPersonas, type Persona, PersonaList } from '@/features/dev';
import { useReply } from '@/hooks/useReply';
import { routes } from '@/lib/routes';
import './index.scss';

/** Only pages of this app may be returned to after choosing. */
function safeBack(raw: string | undefined): string {
  if (!raw) return routes.home();
  const url = raw.startsWith('/') ? raw : decodeURIComponent(raw);
  return /^\/(pages|staff)\/[\w-]+\/index(\?.*)?$/.test(url) && !url.startsWith('/pages/dev/') ? url : routes.home();
}

/** H5 local mode: choose which demo person you are. Not part of the WeChat build. */
export default function DevPersonasPage() {
  const back = safeBack(useRouter().params.back);
  const { state, reload } = useReply(fetchPersonas);
  const choose = (p: Persona) => {
    choosePersona(p.openid);
    void Taro.reLaunch({ url: back });
  };
  return (
    <View className='screen dev-page'>
      <View className='dev-page__intro'>
        <Text className='dev-page__title'>选择身份</Text>
        <Text className='muted'>本地开发模式：选一个演示身份进入。在微信里，身份来自微信登录，不会出现这一页。</Text>
      </View>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <Failed failure={state.failure} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <PersonaList personas={state.data.personas} current={currentOpenid()} onChoose={choose} /> : null}
    </View>
  );
}
