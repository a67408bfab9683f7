import Taro from '@tarojs/taro';

/** A short success note that goes away by itself. */
export function toastDone(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}

/** Asks before something that cannot be undone; resolves true when the person agrees. */
export async function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
    return res.confirm;
  } catch {
    return false;
  }
}
