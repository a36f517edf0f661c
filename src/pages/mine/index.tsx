import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fetchMe } from '../../api/client'
import { clearSession } from '../../api/session'
import { usesTokenLogin } from '../../api/transport'
import { ErrorState, LoadingSkeleton } from '../../components/state-view'
import { ROLE_LABELS } from '../../domain/roles'
import { LOGIN_PAGE, useRemote } from '../../hooks/use-remote'
import MyRegistrations from './my-registrations'
import './index.scss'

/** 我的: who I am and what I signed up for. */
export default function MinePage() {
  const { data: me, error, loading, reload } = useRemote(fetchMe, [], { refreshOnShow: true })

  const logout = () => {
    clearSession()
    Taro.reLaunch({ url: LOGIN_PAGE })
  }

  return (
    <View className='wm-page mine'>
      {loading && !me && <LoadingSkeleton blocks={1} />}
      {error && !me && <ErrorState message={error} onRetry={reload} />}
      {me && (
        <View className='mine__profile'>
          <View className='mine__avatar' aria-hidden>
            {me.name.slice(0, 1)}
          </View>
          <View className='mine__who'>
            <Text className='mine__name'>{me.name}</Text>
            <Text className='mine__meta'>
              {me.department} · 工号 {me.employeeNo}
            </Text>
          </View>
          <Text className='mine__role'>{ROLE_LABELS[me.role]}</Text>
        </View>
      )}
      {me && <MyRegistrations />}
      <View className='wm-card mine__links'>
        <View className='mine__link' role='link' onClick={() => Taro.navigateTo({ url: '/packages/plan/plans/index' })}>
          <Text>全部工作要点</Text>
          <Text className='mine__chevron'>›</Text>
        </View>
        <View className='mine__link' role='link' onClick={() => Taro.switchTab({ url: '/pages/activities/index' })}>
          <Text>浏览全部活动</Text>
          <Text className='mine__chevron'>›</Text>
        </View>
      </View>
      {usesTokenLogin && me && (
        <Button block className='mine__logout' onClick={logout}>
          切换演示账号
        </Button>
      )}
    </View>
  )
}
