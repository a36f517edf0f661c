export default definePageConfig({
  navigationBarTitleText: '工作要点管理',
})
