import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useIsAdmin } from '../../../hooks/use-is-admin'
import BooksTab from './books-tab'
import NotesTab from './notes-tab'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

type Tab = 'books' | 'notes'

const TABS: { value: Tab; label: string }[] = [
  { value: 'books', label: '我心中的好书' },
  { value: 'notes', label: '读书心得' },
]

/** 书香阅读: 我心中的好书 (recommend, second, the ranked list) and 读书心得 (read, like, write). */
function ReadingPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(params.tab === 'notes' ? 'notes' : 'books')
  const [refreshKey, setRefreshKey] = useState(0)
  const { isAdmin } = useIsAdmin()

  usePullDownRefresh(() => {
    setRefreshKey((k) => k + 1)
    Taro.stopPullDownRefresh()
  })

  // Two tabs of our own rather than NutUI Tabs: its smile indicator icon would land in the main package's vendors.
  return (
    <View className='wm-page rd'>
      <View className='rd-tabs' role='tablist' aria-label='书香阅读'>
        {TABS.map((t) => (
          <View
            key={t.value}
            role='tab'
            aria-selected={t.value === tab}
            className={`rd-tabs__item${t.value === tab ? ' rd-tabs__item--on' : ''}`}
            onClick={() => setTab(t.value)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <View role='tabpanel' className='rd-panel'>
        {tab === 'books' ? (
          <BooksTab refreshKey={refreshKey} />
        ) : (
          <NotesTab refreshKey={refreshKey} initialView={params.view === 'mine' ? 'mine' : 'all'} isAdmin={isAdmin} />
        )}
      </View>
    </View>
  )
}

export default scaledPage(ReadingPage)
