import { Text, View } from '@tarojs/components';
import { formatCst } from '@shared/core/time';

interface Props {
  on: boolean;
  at: number | null;
  busy: boolean;
  onToggle: (on: boolean) => void;
}

/** 勿扰: one switch that stops marketing on every channel and stays on until turned off. Ids: `#dnd`, `#dnd-switch`, `#dnd-state`. */
export function DoNotDisturbCard({ on, at, busy, onToggle }: Props) {
  return (
    <View className='card' id='dnd'>
      <View className='dnd-row'>
        <View className='dnd-row__body'>
          <Text className='card__title'>勿扰</Text>
          <Text className='muted'>开启后，我们不再通过任何渠道向您营销，一直有效，直到您自己关闭。服务回访不受影响。</Text>
          <Text className={on ? 'tag tag--orange' : 'tag'} id='dnd-state'>
            {on ? `已开启${at ? `（${formatCst(at)}）` : ''}` : '未开启'}
          </Text>
        </View>
        <View
          id='dnd-switch'
          className={`toggle${on ? ' toggle--on' : ''}${busy ? ' toggle--busy' : ''}`}
          role='switch'
          aria-checked={on}
          aria-label='勿扰'
          onClick={() => {
            if (!busy) onToggle(!on);
          }}
        >
          <View className='toggle__knob' />
        </View>
      </View>
    </View>
  );
}
