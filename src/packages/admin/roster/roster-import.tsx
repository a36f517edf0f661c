import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { importRoster } from '../../../api/admin'
import { pickTableFile, type PickedFile } from '../../../api/pick-file'
import type { RosterPreview } from '../../../domain/admin'
import { ROLE_LABELS } from '../../../domain/roles'
import { describeFailure, showToast } from '../shared/feedback'
import { Segmented } from '../shared/ui'

const SHOW_AT_MOST = 100

/** Import a roster file: pick it, see every row checked, then import only the valid rows, only on request. */
export default function RosterImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<RosterPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'check' | 'import' | null>(null)
  const [only, setOnly] = useState<'all' | 'invalid'>('all')
  const [done, setDone] = useState<string | null>(null)

  const choose = async () => {
    setError(null)
    setDone(null)
    let picked: PickedFile | null
    try {
      picked = await pickTableFile()
    } catch (e) {
      setError(describeFailure(e, '无法读取这个文件，请重新选择'))
      return
    }
    if (!picked) return
    if (!/\.(xlsx|csv)$/i.test(picked.fileName)) {
      setError('请选择 Excel（.xlsx）或 CSV 文件')
      return
    }
    setFile(picked)
    setPreview(null)
    setBusy('check')
    try {
      const result = await importRoster(picked.fileName, picked.base64, false)
      setPreview(result)
      setOnly(result.invalid > 0 ? 'invalid' : 'all')
    } catch (e) {
      setError(describeFailure(e, '检查没有完成，请重试'))
    } finally {
      setBusy(null)
    }
  }

  const commit = async () => {
    if (!file || !preview) return
    setBusy('import')
    setError(null)
    try {
      const result = await importRoster(file.fileName, file.base64, true)
      const { created = 0, updated = 0 } = result.imported ?? {}
      setDone(`已导入 ${result.valid} 行：新增 ${created} 人，更新 ${updated} 人。`)
      showToast('导入完成', true)
      setPreview(null)
      setFile(null)
      onImported()
    } catch (e) {
      setError(describeFailure(e, '导入没有成功，请重试'))
    } finally {
      setBusy(null)
    }
  }

  const rows = preview ? preview.rows.filter((r) => only === 'all' || r.errors.length > 0) : []

  return (
    <View>
      <View className='wm-card'>
        <Text className='roster__card-title'>从 Excel 或 CSV 导入</Text>
        <Text className='adm-hint'>
          第一行为表头：工号、姓名、部门（必填），手机、角色（选填，角色可填 职工 / 组织者 /
          管理员）。已有的工号会更新，新的工号会新增。
        </Text>
        <Text className='adm-hint'>
          {process.env.TARO_ENV === 'weapp'
            ? '请先把文件发到微信聊天中，再从聊天记录选择。'
            : '文件不超过 300 KB（约 5000 人）。'}
        </Text>
        <Button
          type='primary'
          fill={preview ? 'outline' : 'solid'}
          block
          className='roster__pick'
          loading={busy === 'check'}
          onClick={choose}
        >
          {preview ? '重新选择文件' : '选择文件'}
        </Button>
        {error && (
          <View className='adm-error' role='alert'>
            {error}
          </View>
        )}
        {done && <Text className='roster__done'>{done}</Text>}
      </View>

      {preview && file && (
        <View className='wm-card roster__preview'>
          <Text className='roster__file'>{file.fileName}</Text>
          <View className='roster__counts'>
            <Text className='roster__count roster__count--ok'>有效 {preview.valid}</Text>
            <Text className='roster__count roster__count--bad'>有误 {preview.invalid}</Text>
          </View>
          <Segmented
            label='显示哪些行'
            choices={[
              { value: 'all', label: `全部 ${preview.rows.length} 行` },
              { value: 'invalid', label: `只看有误 ${preview.invalid} 行` },
            ]}
            value={only}
            onChange={setOnly}
          />
          <View className='roster__table' role='table' aria-label='导入预览'>
            <View className='roster__tr roster__tr--head' role='row'>
              <Text className='roster__td roster__td--line'>行号</Text>
              <Text className='roster__td roster__td--no'>工号</Text>
              <Text className='roster__td roster__td--name'>姓名</Text>
              <Text className='roster__td roster__td--dept'>部门</Text>
              <Text className='roster__td roster__td--issue'>问题</Text>
            </View>
            {rows.slice(0, SHOW_AT_MOST).map((r) => (
              <View key={r.line} className={`roster__tr${r.errors.length ? ' roster__tr--bad' : ''}`} role='row'>
                <Text className='roster__td roster__td--line'>{r.line}</Text>
                <Text className='roster__td roster__td--no'>{r.employeeNo || '—'}</Text>
                <Text className='roster__td roster__td--name'>{r.name || '—'}</Text>
                <Text className='roster__td roster__td--dept'>{r.department || '—'}</Text>
                <Text className='roster__td roster__td--issue'>
                  {r.errors.length
                    ? r.errors.join('；')
                    : `${r.action === 'update' ? '更新' : '新增'}${r.role && r.role !== 'employee' ? ` · ${ROLE_LABELS[r.role]}` : ''}`}
                </Text>
              </View>
            ))}
            {rows.length === 0 && <Text className='adm-hint roster__none'>没有有误的行</Text>}
          </View>
          {rows.length > SHOW_AT_MOST && (
            <Text className='adm-hint'>
              仅显示前 {SHOW_AT_MOST} 行，其余 {rows.length - SHOW_AT_MOST} 行同样会按上述规则处理。
            </Text>
          )}
          <Text className='adm-hint roster__note'>
            {preview.invalid > 0 ? '有误的行不会导入，可在文件中修改后重新选择。' : '全部行均可导入。'}
            点下方按钮前，不会导入任何数据。
          </Text>
          <Button
            type='primary'
            block
            className='roster__commit'
            disabled={preview.valid === 0 || busy !== null}
            loading={busy === 'import'}
            onClick={commit}
          >
            导入有效的 {preview.valid} 行
          </Button>
        </View>
      )}
    </View>
  )
}
