export default definePageConfig({
  navigationBarTitleText: '书香阅读',
  enablePullDownRefresh: true,
})
