import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { listenForStandIn, type StandInRequest } from '../api/standIn';

/**
 * H5 only: a stand-in for WeChat's 订阅消息 dialog, so the local host shows what WeChat would. Lists
 * the templates (each can be unticked, as in WeChat), and resolves 'accept' / 'reject' per template.
 * Ids: `#subscribe-dialog`, `#subscribe-option-<i>`, `#subscribe-allow`, `#subscribe-cancel`.
 */
export function SubscribeStandIn() {
  if (process.env.TARO_ENV !== 'h5') return null;
  return <StandInDialog />;
}

function StandInDialog() {
  const [request, setRequest] = useState<StandInRequest | null>(null);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});

  useEffect(
    () =>
      listenForStandIn((r) => {
        setTicked(Object.fromEntries(r.templateIds.map((id) => [id, true])));
        setRequest(r);
      }),
    [],
  );

  if (!request) return null;
  const decide = (allow: boolean) => {
    request.resolve(Object.fromEntries(request.templateIds.map((id) => [id, allow && ticked[id] ? 'accept' : 'reject'])));
    setRequest(null);
  };
  const several = request.templateIds.length > 1;
  return (
    <View className='wx-sheet-mask' id='subscribe-dialog' catchMove>
      <View className='wx-sheet'>
        <View className='wx-sheet__app'>
          <Text className='wx-sheet__logo'>回</Text>
          <Text>售后服务 申请</Text>
        </View>
        <Text className='wx-sheet__title'>{several ? '发送以下消息' : `发送一次“${request.titles[request.templateIds[0]] ?? '服务通知'}”`}</Text>
        {several ? (
          <View className='wx-sheet__list'>
            {request.templateIds.map((id, i) => (
              <View key={id} id={`subscribe-option-${i}`} className='wx-sheet__option' onClick={() => setTicked((t) => ({ ...t, [id]: !t[id] }))}>
                <Text className={`wx-sheet__check${ticked[id] ? ' wx-sheet__check--on' : ''}`}>{ticked[id] ? '✓' : ''}</Text>
                <Text>{request.titles[id] ?? id}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <Text className='wx-sheet__note'>本地演示：代替微信的订阅消息弹窗</Text>
        <View className='wx-sheet__buttons'>
          <View id='subscribe-cancel' className='wx-sheet__btn' onClick={() => decide(false)}>
            取消
          </View>
          <View id='subscribe-allow' className='wx-sheet__btn wx-sheet__btn--allow' onClick={() => decide(true)}>
            允许
          </View>
        </View>
      </View>
    </View>
  );
}
