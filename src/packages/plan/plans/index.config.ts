export default definePageConfig({
  navigationBarTitleText: '全部工作要点',
})
