import { Text, View } from '@tarojs/components';
import type { StaffRole } from '@shared/complaint/categories';
import type { ComplaintCategories } from '../api/queries';

interface Props {
  roles: ComplaintCategories['staffRoles'];
  value: StaffRole | undefined;
  onChange: (r: StaffRole | undefined) => void;
}

/** Optionally, the staff member on the project the complaint is about; tap again to clear. */
export function StaffRoleChips({ roles, value, onChange }: Props) {
  return (
    <View className='field'>
      <View className='field__label'>
        <Text>
          针对哪位人员<Text className='field__hint'>（选填）</Text>
        </Text>
      </View>
      <View className='chips'>
        <View id='complaint-staff-none' className={`chip${value === undefined ? ' chip--active' : ''}`} onClick={() => onChange(undefined)}>
          不针对个人
        </View>
        {roles.map((r) => (
          <View
            key={r.id}
            id={`complaint-staff-${r.id}`}
            className={`chip${r.id === value ? ' chip--active' : ''}`}
            onClick={() => onChange(r.id === value ? undefined : r.id)}
          >
            {r.label}
          </View>
        ))}
      </View>
    </View>
  );
}
