import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ProjectInputs } from '@shared/project/api';
import type { Failure } from '@shared/core/result';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { SearchBox } from '@/components/SearchBox';
import { FailureBanner } from '@/components/FailureBanner';
import { type ProjectHit, searchProjects } from '@/features/project';

interface Props {
  value: ProjectHit | null;
  onChange: (p: ProjectHit | null) => void;
  error?: string;
}

/** The caller's project, found by their mobile number or the start of the project's name. */
export function ProjectSearch({ value, onChange, error }: Props) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProjectHit[] | null>(null);
  const [queryError, setQueryError] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    const checked = validate(ProjectInputs.search, { query });
    if (!checked.ok) return setQueryError(checked.fields?.query ?? checked.message);
    setQueryError(undefined);
    setFailure(null);
    setBusy(true);
    const reply = await searchProjects(checked.data.query);
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    setHits(reply.data.projects);
  };

  if (value) {
    return (
      <View className='field'>
        <View className='field__label'>房屋</View>
        <View className='project-hit project-hit--chosen' id='project-chosen'>
          <View className='project-hit__body'>
            <Text className='project-hit__name'>{value.name}</Text>
            <Text className='muted'>
              <Text className='nowrap'>{value.homeownerName}</Text> <Text className='nowrap'>{value.homeownerPhone}</Text>
            </Text>
            <Text className='muted'>
              项目经理 <Text className='nowrap'>{value.siteManagerName || '待分配'}</Text>
            </Text>
          </View>
          <ActionButton small kind='ghost' onClick={() => onChange(null)} id='project-change'>
            重新选择
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View className='field'>
      <View className='field__label'>房屋（按业主手机号或小区名称查找）</View>
      <SearchBox
        id='project-search'
        value={query}
        placeholder='例如：13800138001 或 翠湖'
        error={queryError}
        busy={busy}
        onChange={(text) => {
          setQuery(text);
          setQueryError(undefined);
        }}
        onSearch={() => void search()}
      />
      <FailureBanner failure={failure} id='project-search-error' />
      {hits !== null && hits.length === 0 ? <View className='muted project-hit__none'>没有找到，请核对手机号，或换小区名称的开头几个字试试</View> : null}
      {(hits ?? []).map((p) => (
        <View key={p.id} className='project-hit' id={`project-hit-${p.id}`} hoverClass='btn--pressed' onClick={() => onChange(p)}>
          <View className='project-hit__body'>
            <Text className='project-hit__name'>{p.name}</Text>
            <Text className='muted'>
              <Text className='nowrap'>{p.homeownerName}</Text> <Text className='nowrap'>{p.homeownerPhone}</Text> · {p.address}
            </Text>
          </View>
          <Text className='entry-cell__chevron'>›</Text>
        </View>
      ))}
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}
