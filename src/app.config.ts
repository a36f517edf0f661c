export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/activities/index',
    'pages/mine/index',
    'pages/theme/index',
    'pages/activity/index',
  ],
  subPackages: [
    { root: 'packages/plan', pages: ['point/index', 'plans/index', 'plan/index'] },
    { root: 'packages/auth', pages: ['login/index'] },
    {
      root: 'packages/goodpeople',
      pages: ['index/index', 'candidate/index', 'nominate/index', 'results/index', 'review/index'],
    },
    { root: 'packages/reading', pages: ['index/index', 'note/index', 'review/index'] },
    { root: 'packages/volunteer', pages: ['index/index'] },
    { root: 'packages/calendar', pages: ['index/index'] },
    {
      root: 'packages/admin',
      pages: [
        'index/index',
        'activity-edit/index',
        'registrants/index',
        'checkin-desk/index',
        'participation/index',
        'roster/index',
        'plans/index',
        'audit/index',
      ],
    },
    { root: 'packages/inbox', pages: ['index/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '文明实践',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F6F4F1',
  },
  tabBar: {
    color: '#6B6B6B',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home-normal.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tab/activities-normal.png',
        selectedIconPath: 'assets/tab/activities-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine-normal.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
})
