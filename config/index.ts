import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// Large text: every font size follows --wm-font-scale (see the plugin). Taro resolves the path from the project root.
const FONT_SCALE_PLUGIN = './config/postcss-font-scale.js'

const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist/h5' : `dist/${process.env.TARO_ENV || 'weapp'}`

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wenming-shijian',
    date: '2026-11-28',
    // NutUI is drawn at 375; our own styles at 750 rpx.
    designWidth(input) {
      const file = typeof input === 'object' ? input?.file : undefined
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {},
    // Build-time settings the app reads as process.env.*: a `.env` file may set them too (and wins).
    env: {
      // Subscribe-message templates that 提交报名 asks for: reminder, promoted, cancelled (README, 订阅消息).
      TARO_APP_SUBSCRIBE_TEMPLATES: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    // Files WeChat reads by path, which Taro's build does not see imported: the square pictures of pages posted to
    // Moments (use-share.ts), and the tab icons, light and dark, that app.json names through theme.json.
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [
              { from: 'src/assets/share/', to: `${outputRoot}/assets/share/` },
              { from: 'src/packages/goodpeople/assets/', to: `${outputRoot}/packages/goodpeople/assets/` },
              { from: 'src/assets/tab/', to: `${outputRoot}/assets/tab/` },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    // Webpack's persistent cache only for development: a production weapp build reusing it has been seen to leave a
    // subpackage's shared chunk without a module it needs (the 身边好人 candidate page then fails to load).
    cache: { enable: process.env.NODE_ENV === 'development' },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        [FONT_SCALE_PLUGIN]: { enable: true },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      // NutUI's styles through our PostCSS plugins too (as on weapp), so that its text follows the font scale.
      esnextModules: ['@nutui/nutui-react-taro'],
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        [FONT_SCALE_PLUGIN]: { enable: true },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Pages load as async chunks; put what two or more of them share (NutUI, our components) in one chunk
        // instead of a copy in each page.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              pageCommon: { chunks: 'async', minChunks: 2, name: 'page-common', priority: 5, reuseExistingChunk: true },
            },
          },
        })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
