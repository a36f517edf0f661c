export default definePageConfig({
  navigationBarTitleText: '职工名册',
})
