import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PrivacyReplies } from '@shared/privacy/api';
import { ActionButton } from '@/components/ActionButton';
import { toastDone } from '@/lib/feedback';
import { routes } from '@/lib/routes';
import { saveCopy } from '../api/download';
import { DeletionCard } from './DeletionCard';
import { HeldDataCard } from './HeldDataCard';
import { ProfileCard } from './ProfileCard';

type Data = PrivacyReplies['myData'];

/** 我的数据: what we hold, a copy to download, correction, deletion. Ids: `#my-data-download`, `#my-data-consent`. */
export function MyDataScreen({ data, onChange, onReload }: { data: Data; onChange: (d: Data) => void; onReload: () => void }) {
  const [saving, setSaving] = useState(false);
  const { copy, deletion } = data;
  const download = async () => {
    setSaving(true);
    const said = await saveCopy(copy);
    setSaving(false);
    toastDone(said);
  };
  return (
    <View className='my-data'>
      <Text className='muted my-data__intro'>这里是我们保存的关于您的全部信息。您可以下载一份副本、更正姓名和电话，或申请删除。</Text>
      <ProfileCard key={`${copy.profile.name}|${copy.profile.phone}`} profile={copy.profile} onSaved={(profile) => onChange({ ...data, copy: { ...copy, profile } })} />
      <HeldDataCard copy={copy} />
      <ActionButton block kind='primary' busy={saving} id='my-data-download' onClick={() => void download()}>
        下载我的数据副本（JSON 文件）
      </ActionButton>
      <View className='link-row' id='my-data-consent' onClick={() => void Taro.navigateTo({ url: routes.consent() })}>
        <Text>营销消息与勿扰</Text>
        <Text className='entry-cell__chevron'>›</Text>
      </View>
      <View className='link-row' id='my-data-notice' onClick={() => void Taro.navigateTo({ url: routes.privacyNotice() })}>
        <Text>隐私说明</Text>
        <Text className='entry-cell__chevron'>›</Text>
      </View>
      <DeletionCard
        deletion={deletion}
        onChange={(d) => {
          onChange({ ...data, deletion: d });
          // carried out at once: what we hold has changed
          if (d.request?.state === 'done') onReload();
        }}
      />
    </View>
  );
}
