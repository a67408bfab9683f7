import Taro from '@tarojs/taro';
import { formatCst } from '@shared/core/time';
import type { DataCopy } from '@shared/privacy/api';

/** The copy's file name: 我的数据-2026-11-29.json. */
export function copyFileName(copy: DataCopy): string {
  return `我的数据-${formatCst(copy.exportedAt, 'YYYY-MM-DD')}.json`;
}

/**
 * Gives the homeowner their copy as a JSON file. H5: the browser downloads it. WeChat: the file is
 * written to the mini-program's user folder and offered to send to a chat (文件传输助手, or the
 * homeowner's own), from where it can be saved; if sharing is not available, the JSON is copied to
 * the clipboard instead. Answers what happened, in words for a toast.
 */
export async function saveCopy(copy: DataCopy): Promise<string> {
  const json = JSON.stringify(copy, null, 2);
  const name = copyFileName(copy);
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return '已下载';
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, json, 'utf8');
    await Taro.shareFileMessage({ filePath, fileName: name });
    return '已发送';
  } catch {
    await Taro.setClipboardData({ data: json });
    return '已复制到剪贴板';
  }
}
