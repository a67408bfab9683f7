import { Text } from '@tarojs/components';

export type BadgeTone = 'green' | 'red' | 'orange' | 'blue' | 'gray';

/** A round badge with one character in it: the app's icons, the same on every phone. */
export function BadgeIcon({ char, tone = 'green', className }: { char: string; tone?: BadgeTone; className?: string }) {
  return <Text className={`badge-icon${tone === 'green' ? '' : ` badge-icon--${tone}`} ${className ?? ''}`}>{char}</Text>;
}
