import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/core/roles';
import type { Persona } from '../api/personas';

/** The demo people, one large card each; the current one is marked. */
export function PersonaList({ personas, current, onChoose }: { personas: Persona[]; current: string | null; onChoose: (p: Persona) => void }) {
  return (
    <View>
      {personas.map((p) => (
        <View
          key={p.openid}
          id={`persona-${p.openid}`}
          className={`card persona${p.openid === current ? ' persona--current' : ''}`}
          hoverClass='btn--pressed'
          onClick={() => onChoose(p)}
        >
          <View className='card__head'>
            <Text className='card__title'>{p.name}</Text>
            <View>
              {p.roles.map((r) => (
                <Text key={r} className='tag tag--blue persona__role'>
                  {ROLE_LABELS[r]}
                </Text>
              ))}
            </View>
          </View>
          <Text className='muted'>{p.description}</Text>
          {p.openid === current ? <Text className='persona__current'>当前身份</Text> : null}
        </View>
      ))}
    </View>
  );
}
