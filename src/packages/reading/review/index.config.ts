export default definePageConfig({
  navigationBarTitleText: '审核读书心得',
})
