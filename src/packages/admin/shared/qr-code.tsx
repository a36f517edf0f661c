import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import { encodeQrRows } from './qr-rows'

/** A QR code drawn with plain views (works the same in WeChat and H5), `width` in design units (750 wide), with a quiet zone. */
export default function QrCode({ text, width = 480, label }: { text: string; width?: number; label: string }) {
  const { size, rows } = useMemo(() => encodeQrRows(text), [text])
  const module = width / (size + 8)
  // Inline styles are not run through the rpx conversion of style sheets: convert here, for both platforms.
  const px = (n: number) => Taro.pxTransform(n)
  return (
    <View
      role='img'
      aria-label={label}
      style={{ width: px(width), padding: px(module * 4), background: '#fff', boxSizing: 'border-box' }}
    >
      {rows.map((runs, r) => (
        <View key={r} style={{ display: 'flex', height: px(module) }}>
          {runs.map((run, i) => (
            <View
              key={i}
              style={{ width: px(module * run.length), height: '100%', background: run.dark ? '#1f1f1f' : '#fff' }}
            />
          ))}
        </View>
      ))}
    </View>
  )
}
