export default definePageConfig({
  navigationBarTitleText: '评选审核与管理',
})
