import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { bindEmployee, devLogin, fetchDemoAccounts } from '../../../api/client'
import { usesTokenLogin } from '../../../api/transport'
import { ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { ROLE_LABELS } from '../../../domain/roles'
import { replaceWith } from '../../../hooks/current-url'
import { LOGIN_PAGE, useRemote } from '../../../hooks/use-remote'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

/** Where to go once logged in: back to the page that sent the user here (a shared link), or home. */
function useReturn(): () => void {
  const { params } = useRouter()
  return () => {
    const wanted = params.redirect ? decodeURIComponent(params.redirect) : ''
    replaceWith(wanted.startsWith('/') && !wanted.startsWith(LOGIN_PAGE) ? wanted : '/pages/home/index')
  }
}

/** H5 demo mode: pick a demo employee. */
function DemoLogin() {
  const returnAfterLogin = useReturn()
  const { data: accounts, error, loading, reload } = useRemote(fetchDemoAccounts)
  const [employeeNo, setEmployeeNo] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const login = async (no: string) => {
    setBusy(true)
    setMessage(null)
    try {
      await devLogin(no)
      returnAfterLogin()
    } catch (e) {
      setMessage(e instanceof Error ? e.message : '登录失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Text className='login__hint'>演示模式：选择一位演示职工即可体验，无需微信授权。</Text>
      {loading && !accounts && <LoadingSkeleton blocks={1} />}
      {error && !accounts && <ErrorState message={error} onRetry={reload} />}
      <View className='login__accounts'>
        {accounts?.map((a) => (
          <View key={a.id} className='login__account' role='button' onClick={() => !busy && login(a.employeeNo)}>
            <View className='login__avatar' aria-hidden>
              {a.name.slice(0, 1)}
            </View>
            <View className='login__who'>
              <Text className='login__name'>{a.name}</Text>
              <Text className='login__dept'>
                {a.employeeNo} · {a.department}
              </Text>
            </View>
            <Text className={`login__role login__role--${a.role}`}>{ROLE_LABELS[a.role]}</Text>
          </View>
        ))}
      </View>
      <View className='wm-card login__form'>
        <Text className='login__label'>或输入工号（E0001–E0200）</Text>
        <Input
          className='login__input'
          placeholder='例如 E0023'
          value={employeeNo}
          onChange={(v) => setEmployeeNo(String(v))}
          aria-label='工号'
        />
        {message && (
          <View className='login__error' role='alert'>
            {message}
          </View>
        )}
        <Button
          type='primary'
          block
          loading={busy}
          disabled={!employeeNo.trim()}
          onClick={() => login(employeeNo.trim())}
        >
          登录
        </Button>
      </View>
    </>
  )
}

/** WeChat: bind this WeChat account to a roster entry, once. */
function BindForm() {
  const returnAfterLogin = useReturn()
  const [employeeNo, setEmployeeNo] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const bind = async () => {
    setBusy(true)
    setMessage(null)
    try {
      await bindEmployee(employeeNo.trim(), name.trim())
      returnAfterLogin()
    } catch (e) {
      setMessage(e instanceof Error ? e.message : '绑定失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='wm-card login__form'>
      <Text className='login__hint'>首次使用请核对身份：填写花名册中的工号和姓名，只需一次。</Text>
      <Text className='login__label'>工号</Text>
      <Input
        className='login__input'
        placeholder='例如 E0023'
        value={employeeNo}
        onChange={(v) => setEmployeeNo(String(v))}
        aria-label='工号'
      />
      <Text className='login__label'>姓名</Text>
      <Input
        className='login__input'
        placeholder='与花名册一致'
        value={name}
        onChange={(v) => setName(String(v))}
        aria-label='姓名'
      />
      {message && (
        <View className='login__error' role='alert'>
          {message}
        </View>
      )}
      <Button type='primary' block loading={busy} disabled={!employeeNo.trim() || !name.trim()} onClick={bind}>
        确认绑定
      </Button>
    </View>
  )
}

/** Login: a demo picker on H5, roster binding in WeChat. */
function LoginPage() {
  return (
    <View className='wm-page login'>
      <View className='login__brand'>
        <Text className='login__seal' aria-hidden>
          文
        </Text>
        <Text className='login__title'>文明实践</Text>
        <Text className='login__subtitle'>精神文明建设工作要点 · 活动报名</Text>
      </View>
      {usesTokenLogin ? <DemoLogin /> : <BindForm />}
    </View>
  )
}

export default scaledPage(LoginPage)
