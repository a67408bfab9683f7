import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { describeWindows, PREFERRED_TIME_PRESETS, type ContactWindow } from '@shared/followup/contact';
import { ChipSub } from '@/components/ChipSub';
import { FailureBanner } from '@/components/FailureBanner';
import { toastDone } from '@/lib/feedback';
import { saveContactTime } from '../api/queries';
import { chosenPreset, DEFAULT_CHOICE, presetParts } from '../model/contactPresets';

const CHOICES = [
  ...PREFERRED_TIME_PRESETS.map((p) => ({ id: p.id, parts: presetParts(p.label), windows: p.windows as ContactWindow[] | null })),
  { id: DEFAULT_CHOICE, parts: ['默认时间', '按公司回访时段'] as [string, string], windows: null },
];

/**
 * When the homeowner would rather be contacted: one tap on a common choice, saved at once.
 * Ids: `#contact-time`, `#contact-time-<preset id>`, `#contact-time-default`, `#contact-time-error`.
 */
export function ContactTimeCard({ initial }: { initial: ContactWindow[] | null }) {
  const [windows, setWindows] = useState(initial);
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const chosen = chosenPreset(windows);

  const choose = async (id: string, next: ContactWindow[] | null) => {
    if (saving || id === chosen) return;
    setSaving(id);
    setFailure(null);
    const reply = await saveContactTime(next);
    setSaving(null);
    if (!reply.ok) return setFailure(reply);
    setWindows(reply.data.contactWindows);
    toastDone('已保存');
  };

  return (
    <View className='card' id='contact-time'>
      <View className='card__head'>
        <Text className='card__title'>方便联系的时间</Text>
      </View>
      <Text className='muted'>回访电话和提醒只在这些时段打扰您</Text>
      <View className='contact-times'>
        {CHOICES.map((c) => (
          <View
            key={c.id}
            id={`contact-time-${c.id}`}
            className={`chip contact-times__chip${c.id === chosen ? ' chip--active' : ''}${saving === c.id ? ' chip--disabled' : ''}`}
            onClick={() => void choose(c.id, c.windows)}
          >
            <Text>{c.parts[0]}</Text>
            {c.parts[1] ? <ChipSub text={c.parts[1]} /> : null}
          </View>
        ))}
      </View>
      {chosen === null && windows ? <Text className='muted'>当前：{describeWindows(windows)}</Text> : null}
      <FailureBanner failure={failure} id='contact-time-error' />
    </View>
  );
}
