import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { fetchWhoAmI } from '@/features/me';
import { NoticeText } from '@/features/privacy';
import './index.scss';

/**
 * The whole privacy notice. It needs no sign-in: anyone may read it before agreeing to anything. A
 * signed-in reader sees the hotline and desk hours from settings; anyone else is pointed to them.
 */
export default function PrivacyNoticePage() {
  const [service, setService] = useState<{ hotline: string; deskHours: string } | null>(null);
  useEffect(() => {
    void fetchWhoAmI().then((reply) => {
      if (reply.ok) setService(reply.data.service);
    });
  }, []);
  return (
    <View className='screen'>
      <View className='card'>
        <NoticeText service={service} />
      </View>
    </View>
  );
}
