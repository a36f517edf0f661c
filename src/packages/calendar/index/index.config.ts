export default definePageConfig({
  navigationBarTitleText: '节日与纪念日',
  enablePullDownRefresh: true,
})
