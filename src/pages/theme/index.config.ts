export default definePageConfig({
  navigationBarTitleText: '工作主题',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
