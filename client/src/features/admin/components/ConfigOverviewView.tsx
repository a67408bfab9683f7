import { Text, View } from '@tarojs/components';
import { SETTINGS_AREA_LABELS } from '@shared/admin/areas';
import { formatCst } from '@shared/core/time';
import type { ConfigOverview } from '../api/queries';

const KIND_LABELS: Record<string, string> = {
  config: '修改配置', staff: '员工与角色', site: '工地', invite: '邀请码', surveyProposed: '提交问卷', surveyApproved: '审批发布问卷', import: '导入', recordAccess: '查阅电话回访批准',
};

/** What an import stored, from its history entry: 员工 3 人、业主 250 户、项目 250 个. */
function importedRows(after: unknown): string {
  const rows = (after as { rows?: { staff?: number; homeowners?: number; projects?: number } } | null)?.rows;
  if (!rows) return '导入';
  const parts = [rows.staff ? `员工 ${rows.staff} 人` : '', rows.homeowners ? `业主 ${rows.homeowners} 户` : '', rows.projects ? `项目 ${rows.projects} 个` : ''].filter(Boolean);
  return parts.length ? `导入 ${parts.join('、')}` : '导入';
}

/**
 * The admin's configuration summary: what takes effect in each area, in words; values stored by hand
 * that the rules ignore, in red; and the latest changes with who made them. Changes themselves are
 * made with the admin function (from the console), which checks them and keeps the history.
 */
export function ConfigOverviewView({ data }: { data: ConfigOverview }) {
  return (
    <View id='config-overview'>
      <View className='banner banner--info'>修改配置请在云开发控制台调用 admin 云函数（setConfig），每次修改都会校验并留下记录。</View>
      {data.areas.map((a) => (
        <View className='card' key={a.area} id={`config-${a.area}`}>
          <Text className='card__title'>{SETTINGS_AREA_LABELS[a.area]}</Text>
          {Object.entries(a.ignored).map(([field, reason]) => (
            <View className='banner banner--error' key={field}>
              {field} 的值无效，已按默认值执行：{reason}
            </View>
          ))}
          {a.summary.map((line) => (
            <View className='row' key={line.label}>
              <Text className='row__label'>{line.label}</Text>
              <Text className='row__value'>{line.value}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className='card' id='config-imports'>
        <Text className='card__title'>最近的导入</Text>
        {data.imports.length === 0 ? <Text className='muted report-block'>还没有导入过员工、业主或项目。导入请在云开发控制台调用 admin 云函数的 import 操作（CSV 或 JSON，有一行不对就整批不导入）。</Text> : null}
        {data.imports.map((e) => (
          <View className='row' key={e._id}>
            <Text className='row__label'>{importedRows(e.after)}</Text>
            <Text className='row__value'>
              {e.byName} {formatCst(e.at)}
            </Text>
          </View>
        ))}
        {data.imports.length ? <Text className='muted report-block'>导入的每个项目都会安排回访：导入时来不及安排的，由每 10 分钟运行一次的定时任务接着安排。</Text> : null}
      </View>
      <View className='card' id='config-history'>
        <Text className='card__title'>最近的修改</Text>
        {data.entries.length === 0 ? <Text className='muted report-block'>还没有修改记录</Text> : null}
        {data.entries.map((e) => (
          <View className='row' key={e._id}>
            <Text className='row__label'>
              {KIND_LABELS[e.kind] ?? e.kind} · {e.ref}
            </Text>
            <Text className='row__value'>
              {e.byName} {formatCst(e.at)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
