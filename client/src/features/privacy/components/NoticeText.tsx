import { Text, View } from '@tarojs/components';
import { PRIVACY_NOTICE, withService } from '@shared/consent/notice';

/** The privacy notice: purposes, kinds of data, retention, rights and contact, with its version. Ids: `#notice-<section id>`. */
export function NoticeText({ sections, service = null }: { sections?: string[]; service?: { hotline: string; deskHours: string } | null }) {
  const shown = sections ? PRIVACY_NOTICE.sections.filter((s) => sections.includes(s.id)) : PRIVACY_NOTICE.sections;
  return (
    <View className='notice'>
      {shown.map((s) => (
        <View key={s.id} className='notice__section' id={`notice-${s.id}`}>
          <Text className='notice__title'>{s.title}</Text>
          {s.paragraphs.map((p, i) => (
            <Text key={i} className='notice__p'>
              {withService(p, service)}
            </Text>
          ))}
        </View>
      ))}
      <Text className='muted notice__version'>隐私说明 {PRIVACY_NOTICE.version} 版</Text>
    </View>
  );
}
