export default definePageConfig({
  navigationBarTitleText: '写读书心得',
})
