import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { encodeQrRows } from './qr-rows'

/** A QR code drawn with plain views (works the same in WeChat and H5), `width` in rpx, with a quiet zone. */
export default function QrCode({ text, width = 480, label }: { text: string; width?: number; label: string }) {
  const { size, rows } = useMemo(() => encodeQrRows(text), [text])
  const module = width / (size + 8)
  return (
    <View
      role='img'
      aria-label={label}
      style={{ width: `${width}rpx`, padding: `${module * 4}rpx`, background: '#fff', boxSizing: 'border-box' }}
    >
      {rows.map((runs, r) => (
        <View key={r} style={{ display: 'flex', height: `${module}rpx` }}>
          {runs.map((run, i) => (
            <View
              key={i}
              style={{ width: `${module * run.length}rpx`, height: '100%', background: run.dark ? '#1f1f1f' : '#fff' }}
            />
          ))}
        </View>
      ))}
    </View>
  )
}
