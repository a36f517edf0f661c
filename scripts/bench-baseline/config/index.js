// The bare baseline: Taro's defaults for H5, as `taro init` writes them, nothing of ours.
module.exports = {
  projectName: 'bare-taro-h5',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: 'dist',
  framework: 'react',
  compiler: 'webpack5',
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' } },
}
