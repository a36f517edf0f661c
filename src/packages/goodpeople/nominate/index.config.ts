export default definePageConfig({
  navigationBarTitleText: '我推荐',
})
