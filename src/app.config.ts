import theme from './theme.json'

// On weapp, colours and tab icons come from theme.json, light or dark as the system is (WeChat swaps them itself).
// H5 has no theme.json: it gets the light values here, and its dark tab bar from CSS (src/app.scss).
const WEAPP = process.env.TARO_ENV === 'weapp'
const LIGHT = theme.light

/** `@name` (a variable of theme.json) on weapp, its light value elsewhere. */
function themed<T extends string = string>(name: keyof typeof LIGHT): T {
  return (WEAPP ? `@${name}` : LIGHT[name]) as T
}

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
  darkmode: WEAPP,
  ...(WEAPP ? { themeLocation: 'theme.json' } : {}),
  window: {
    backgroundTextStyle: themed<'dark' | 'light'>('bgTxtStyle'),
    navigationBarBackgroundColor: themed('navBgColor'),
    navigationBarTitleText: '文明实践',
    navigationBarTextStyle: themed<'white' | 'black'>('navTxtStyle'),
    backgroundColor: themed('bgColor'),
  },
  tabBar: {
    color: themed('tabColor'),
    selectedColor: themed('tabSelectedColor'),
    backgroundColor: themed('tabBgColor'),
    borderStyle: themed<'black' | 'white'>('tabBorderStyle'),
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: themed('homeIcon'),
        selectedIconPath: themed('homeIconOn'),
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: themed('activitiesIcon'),
        selectedIconPath: themed('activitiesIconOn'),
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: themed('mineIcon'),
        selectedIconPath: themed('mineIconOn'),
      },
    ],
  },
})
