import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';

/**
 * Downloads the report's CSV (opens in Excel). In H5 the browser downloads it; in WeChat the link is
 * copied, to open in a browser, because the mini-program cannot open a CSV file itself.
 */
export function CsvButton({ url }: { url: string | null }) {
  if (!url) return null;
  const download = () => {
    if (process.env.TARO_ENV === 'h5') {
      window.open(url, '_blank');
      return;
    }
    void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '下载链接已复制，1 小时内在浏览器打开', icon: 'none' }));
  };
  return (
    <ActionButton kind='ghost' onClick={download} id='report-csv'>
      下载 CSV（Excel 可打开）
    </ActionButton>
  );
}
