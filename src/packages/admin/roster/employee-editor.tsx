import { Button, Dialog, Input, Popup } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { unbindEmployee, updateEmployee } from '../../../api/admin'
import LabelledSwitch from '../../../components/labelled-switch'
import type { EmployeeAdminView } from '../../../domain/admin'
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles'
import { describeFailure, showToast } from '../shared/feedback'
import { Segmented } from '../shared/ui'

/** Edits one employee in a bottom sheet: department, phone, role, active; unbinds their WeChat. */
export default function EmployeeEditor({
  employee,
  departments,
  isSelf,
  onSaved,
  onClose,
}: {
  employee: EmployeeAdminView
  departments: string[]
  isSelf: boolean
  onSaved: (next: EmployeeAdminView) => void
  onClose: () => void
}) {
  const [department, setDepartment] = useState(employee.department)
  const [phone, setPhone] = useState(employee.phone ?? '')
  const [role, setRole] = useState<Role>(employee.role)
  const [active, setActive] = useState(employee.active)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [unbinding, setUnbinding] = useState(false)

  const save = async () => {
    const problem = !department.trim()
      ? '请填写部门'
      : department.trim().length > 40
        ? '部门名称不能超过 40 个字'
        : phone.trim() && !/^1\d{10}$/.test(phone.trim())
          ? '手机号应为 11 位数字，不填可留空'
          : null
    if (problem) return setError(problem)
    setSaving(true)
    setError(null)
    try {
      const next = await updateEmployee({
        id: employee.id,
        department: department.trim(),
        phone: phone.trim(),
        ...(isSelf ? {} : { role, active }),
      })
      showToast('已保存', true)
      onSaved(next)
    } catch (e) {
      setError(describeFailure(e, '保存没有成功，请重试'))
    } finally {
      setSaving(false)
    }
  }

  const unbind = async () => {
    try {
      await unbindEmployee(employee.id)
    } catch (e) {
      setError(describeFailure(e, '解绑没有成功，请重试'))
      setUnbinding(false)
      throw e
    }
    setUnbinding(false)
    showToast('已解绑', true)
    onSaved({ ...employee, bound: false })
  }

  return (
    <Popup
      visible
      position='bottom'
      round
      closeable
      title={`${employee.name}（${employee.employeeNo}）`}
      onClose={onClose}
    >
      <ScrollView scrollY className='roster__sheet'>
        <Text className='roster__label'>部门</Text>
        <View className='roster__input'>
          <Input value={department} maxLength={40} onChange={setDepartment} aria-label='部门' />
        </View>
        <View className='roster__quick'>
          {departments
            .filter((d) => d !== department)
            .map((d) => (
              <View key={d} className='roster__quick-item' role='button' onClick={() => setDepartment(d)}>
                {d}
              </View>
            ))}
        </View>
        <Text className='roster__label'>手机号</Text>
        <View className='roster__input'>
          <Input
            type='number'
            value={phone}
            maxLength={11}
            placeholder='不填可留空'
            onChange={setPhone}
            aria-label='手机号'
          />
        </View>
        <Text className='roster__label'>角色</Text>
        {isSelf ? (
          <Text className='adm-hint'>不能更改自己的角色，请由其他管理员操作。</Text>
        ) : (
          <Segmented
            label='角色'
            choices={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            value={role}
            onChange={setRole}
          />
        )}
        {!isSelf && (
          <View className='roster__switch'>
            <View className='roster__switch-text'>
              <Text>账号可用</Text>
              <Text className='adm-hint'>关闭后该职工无法登录，也不计入参与统计</Text>
            </View>
            <LabelledSwitch label='账号可用' checked={active} onChange={setActive} />
          </View>
        )}
        <View className='roster__switch'>
          <View className='roster__switch-text'>
            <Text>微信绑定</Text>
            <Text className='adm-hint'>{employee.bound ? '已绑定；换手机或绑错时可解绑' : '尚未绑定微信'}</Text>
          </View>
          {employee.bound && (
            <Button fill='outline' className='roster__unbind' onClick={() => setUnbinding(true)}>
              解绑微信
            </Button>
          )}
        </View>
        {error && (
          <View className='adm-error' role='alert'>
            {error}
          </View>
        )}
        <Button type='primary' block className='roster__save' loading={saving} onClick={save}>
          保存
        </Button>
      </ScrollView>
      <Dialog
        visible={unbinding}
        title='解绑微信'
        content={`解绑后，${employee.name}需要在微信中重新输入工号和姓名完成绑定。确定解绑吗？`}
        confirmText='确定解绑'
        cancelText='再想想'
        onConfirm={unbind}
        onCancel={() => setUnbinding(false)}
        onClose={() => setUnbinding(false)}
      />
    </Popup>
  )
}
