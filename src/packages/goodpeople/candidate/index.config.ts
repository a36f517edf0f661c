export default definePageConfig({
  navigationBarTitleText: '候选人事迹',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
